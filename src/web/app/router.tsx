import { createBrowserRouter } from 'react-router';
import { AssessmentsPage } from '../features/assessments/assessments-page';
import { ChecksheetPage } from '../features/checksheet/checksheet-page';
import { ItemPage } from '../features/checksheet/item-page';
import { PrintView } from '../features/checksheet/print-view';
import { GuidelinesPage } from '../features/guidelines/guidelines-page';
import { HomePage } from '../features/home/home-page';
import { InventoryPage } from '../features/inventory/inventory-page';
import { ReportsPage } from '../features/reports/reports-page';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';

/** Every page of the SPA. The server answers unknown non-API paths with index.html. */
export const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'checksheet', element: <ChecksheetPage /> },
      { path: 'checksheet/items/:number', element: <ItemPage /> },
      { path: 'checksheet/print', element: <PrintView /> },
      { path: 'assessments', element: <AssessmentsPage /> },
      { path: 'inventory', element: <InventoryPage /> },
      { path: 'guidelines', element: <GuidelinesPage /> },
      { path: 'reports', element: <ReportsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
