import { createBrowserRouter } from 'react-router';
import { AccountPage } from '../features/account/account-page';
import { AssessmentPage } from '../features/assessments/assessment-page';
import { AssessmentsPage } from '../features/assessments/assessments-page';
import { InvitationPage } from '../features/auth/invitation-page';
import { LoginPage } from '../features/auth/login-page';
import { RequireAuth } from '../features/auth/require-auth';
import { SetupPage } from '../features/auth/setup-page';
import { AuditLogPage } from '../features/organisation/audit-page';
import { MembersPage } from '../features/organisation/members-page';
import { ChecksheetPage } from '../features/checksheet/checksheet-page';
import { ItemPage } from '../features/checksheet/item-page';
import { PrintView } from '../features/checksheet/print-view';
import { DocumentPage } from '../features/guidelines/document-page';
import { GuidelinesPage } from '../features/guidelines/guidelines-page';
import { HomePage } from '../features/home/home-page';
import { InventoryPage } from '../features/inventory/inventory-page';
import { ReportsPage } from '../features/reports/reports-page';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';

/**
 * Every page of the SPA. The server answers unknown non-API paths with index.html. The catalog
 * (checksheet, guidelines) is public reference content; organisation data needs sign-in.
 */
export const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'checksheet', element: <ChecksheetPage /> },
      { path: 'checksheet/items/:number', element: <ItemPage /> },
      { path: 'checksheet/print', element: <PrintView /> },
      { path: 'guidelines', element: <GuidelinesPage /> },
      { path: 'guidelines/:id', element: <DocumentPage /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'setup', element: <SetupPage /> },
      { path: 'invitations/:token', element: <InvitationPage /> },
      // Everything about an organisation's own data needs a signed-in member.
      {
        path: 'assessments',
        element: (
          <RequireAuth>
            <AssessmentsPage />
          </RequireAuth>
        ),
      },
      {
        path: 'assessments/:id',
        element: (
          <RequireAuth>
            <AssessmentPage />
          </RequireAuth>
        ),
      },
      // The dashboard brings the chart library: loaded only when a dashboard is opened.
      {
        path: 'assessments/:id/dashboard',
        lazy: async () => {
          const { DashboardPage } = await import('../features/assessments/dashboard-page');
          return {
            element: (
              <RequireAuth>
                <DashboardPage />
              </RequireAuth>
            ),
          };
        },
      },
      // The coverage view draws charts too: loaded on demand like the dashboard.
      {
        path: 'assessments/:id/coverage',
        lazy: async () => {
          const { CoveragePage } = await import('../features/guidelines/coverage-page');
          return {
            element: (
              <RequireAuth>
                <CoveragePage />
              </RequireAuth>
            ),
          };
        },
      },
      {
        path: 'systems/:id',
        lazy: async () => {
          const { SystemDashboardPage } = await import('../features/assessments/system-dashboard-page');
          return {
            element: (
              <RequireAuth>
                <SystemDashboardPage />
              </RequireAuth>
            ),
          };
        },
      },
      {
        path: 'inventory',
        element: (
          <RequireAuth>
            <InventoryPage />
          </RequireAuth>
        ),
      },
      {
        path: 'reports',
        element: (
          <RequireAuth>
            <ReportsPage />
          </RequireAuth>
        ),
      },
      {
        path: 'account',
        element: (
          <RequireAuth>
            <AccountPage />
          </RequireAuth>
        ),
      },
      {
        path: 'organisation',
        element: (
          <RequireAuth>
            <MembersPage />
          </RequireAuth>
        ),
      },
      {
        path: 'audit',
        element: (
          <RequireAuth>
            <AuditLogPage />
          </RequireAuth>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
