import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RequireAuth } from '../features/auth/require-auth';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';

/**
 * A page fetched as its own chunk the first time its route is visited, so the first load carries
 * only the frame and the page asked for. `signedIn` pages need a signed-in member.
 */
function page(load: () => Promise<ComponentType>, options: { signedIn?: boolean } = {}): Pick<RouteObject, 'lazy'> {
  return {
    lazy: async () => {
      const Page = await load();
      return {
        element: options.signedIn ? (
          <RequireAuth>
            <Page />
          </RequireAuth>
        ) : (
          <Page />
        ),
      };
    },
  };
}

const signedIn = { signedIn: true };

/**
 * Every page of the SPA. The server answers unknown non-API paths with index.html. The catalog
 * (checksheet, guidelines) is public reference content; organisation data needs sign-in.
 */
export const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, ...page(async () => (await import('../features/home/home-page')).HomePage) },
      {
        path: 'checksheet',
        ...page(async () => (await import('../features/checksheet/checksheet-page')).ChecksheetPage),
      },
      {
        path: 'checksheet/items/:number',
        ...page(async () => (await import('../features/checksheet/item-page')).ItemPage),
      },
      { path: 'checksheet/print', ...page(async () => (await import('../features/checksheet/print-view')).PrintView) },
      {
        path: 'guidelines',
        ...page(async () => (await import('../features/guidelines/guidelines-page')).GuidelinesPage),
      },
      {
        path: 'guidelines/:id',
        ...page(async () => (await import('../features/guidelines/document-page')).DocumentPage),
      },
      { path: 'login', ...page(async () => (await import('../features/auth/login-page')).LoginPage) },
      { path: 'setup', ...page(async () => (await import('../features/auth/setup-page')).SetupPage) },
      {
        path: 'invitations/:token',
        ...page(async () => (await import('../features/auth/invitation-page')).InvitationPage),
      },
      // Everything about an organisation's own data needs a signed-in member.
      {
        path: 'assessments',
        ...page(async () => (await import('../features/assessments/assessments-page')).AssessmentsPage, signedIn),
      },
      {
        path: 'assessments/:id',
        ...page(async () => (await import('../features/assessments/assessment-page')).AssessmentPage, signedIn),
      },
      {
        path: 'assessments/:id/dashboard',
        ...page(async () => (await import('../features/assessments/dashboard-page')).DashboardPage, signedIn),
      },
      {
        path: 'assessments/:id/reports',
        ...page(
          async () => (await import('../features/reports/assessment-reports-page')).AssessmentReportsPage,
          signedIn,
        ),
      },
      {
        path: 'assessments/:id/coverage',
        ...page(async () => (await import('../features/guidelines/coverage-page')).CoveragePage, signedIn),
      },
      {
        path: 'systems/:id',
        ...page(
          async () => (await import('../features/assessments/system-dashboard-page')).SystemDashboardPage,
          signedIn,
        ),
      },
      {
        path: 'inventory',
        ...page(async () => (await import('../features/inventory/inventory-page')).InventoryPage, signedIn),
      },
      {
        path: 'inventory/devices/:id',
        ...page(async () => (await import('../features/inventory/device-page')).DevicePage, signedIn),
      },
      {
        path: 'inventory/lifecycle',
        ...page(async () => (await import('../features/inventory/lifecycle-page')).LifecyclePage, signedIn),
      },
      {
        path: 'inventory/import',
        ...page(async () => (await import('../features/inventory/import-page')).ImportPage, signedIn),
      },
      {
        path: 'inventory/providers',
        ...page(async () => (await import('../features/inventory/providers-page')).ProvidersPage, signedIn),
      },
      {
        path: 'inventory/probes',
        ...page(async () => (await import('../features/probes/probes-page')).ProbesPage, signedIn),
      },
      {
        path: 'inventory/probes/scopes/:id',
        ...page(async () => (await import('../features/probes/scope-form-page')).ScopeFormPage, signedIn),
      },
      {
        path: 'inventory/probes/run',
        ...page(async () => (await import('../features/probes/run-form-page')).RunFormPage, signedIn),
      },
      {
        path: 'inventory/probes/runs/:id',
        ...page(async () => (await import('../features/probes/run-page')).RunPage, signedIn),
      },
      {
        path: 'incidents',
        ...page(async () => (await import('../features/incidents/incidents-page')).IncidentsPage, signedIn),
      },
      {
        path: 'incidents/playbooks',
        ...page(async () => (await import('../features/incidents/playbooks-page')).PlaybooksPage, signedIn),
      },
      {
        path: 'incidents/:id',
        ...page(async () => (await import('../features/incidents/incident-page')).IncidentPage, signedIn),
      },
      {
        path: 'vulnerabilities',
        ...page(
          async () => (await import('../features/vulnerabilities/vulnerabilities-page')).VulnerabilitiesPage,
          signedIn,
        ),
      },
      {
        path: 'vulnerabilities/advisories/:id',
        ...page(async () => (await import('../features/vulnerabilities/advisory-page')).AdvisoryPage, signedIn),
      },
      {
        path: 'vulnerabilities/import',
        ...page(
          async () => (await import('../features/vulnerabilities/import-page')).VulnerabilityImportPage,
          signedIn,
        ),
      },
      {
        path: 'vulnerabilities/sboms',
        ...page(async () => (await import('../features/vulnerabilities/sboms-page')).SbomsPage, signedIn),
      },
      {
        path: 'vulnerabilities/firmware',
        ...page(
          async () => (await import('../features/vulnerabilities/latest-firmware-page')).LatestFirmwarePage,
          signedIn,
        ),
      },
      {
        path: 'vulnerabilities/confirmations',
        ...page(
          async () => (await import('../features/vulnerabilities/confirmations-page')).ConfirmationsPage,
          signedIn,
        ),
      },
      {
        path: 'reports',
        ...page(async () => (await import('../features/reports/reports-page')).ReportsPage, signedIn),
      },
      {
        path: 'account',
        ...page(async () => (await import('../features/account/account-page')).AccountPage, signedIn),
      },
      {
        path: 'organisation',
        ...page(async () => (await import('../features/organisation/members-page')).MembersPage, signedIn),
      },
      {
        path: 'audit',
        ...page(async () => (await import('../features/organisation/audit-page')).AuditLogPage, signedIn),
      },
      {
        path: 'assessments/:id/questionnaires',
        ...page(
          async () => (await import('../features/questionnaires/questionnaires-page')).QuestionnairesPage,
          signedIn,
        ),
      },
      {
        path: 'questionnaires/respond/:token',
        ...page(async () => (await import('../features/questionnaires/respond-page')).RespondPage, signedIn),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
