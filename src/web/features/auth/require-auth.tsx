import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../../api/auth-queries';
import { usePermissions } from '../../api/permissions';
import { useTranslation } from 'react-i18next';

/** The only signed-in pages of a member whose role is to answer questionnaires (a provider). */
const PROVIDER_PAGES = [/^\/account$/, /^\/questionnaires\/respond\/[^/]+$/];

/**
 * Shows its children to signed-in users; others go to sign-in (and back afterwards). A provider
 * (who may answer questionnaires and read nothing of the organisation) is sent home from every
 * other page.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const permissions = usePermissions();
  const location = useLocation();
  if (me.isPending) return <p role="status">{t('common.loading')}</p>;
  if (!me.data?.authenticated) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (me.data.user?.mustChangePassword && location.pathname !== '/account') return <Navigate to="/account" replace />;
  const providerOnly = permissions.can('questionnaires.respond') && !permissions.can('home.read');
  if (providerOnly && !PROVIDER_PAGES.some((page) => page.test(location.pathname))) return <Navigate to="/" replace />;
  return <>{children}</>;
}
