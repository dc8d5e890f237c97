import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../../api/auth-queries';
import { useTranslation } from 'react-i18next';

/** Shows its children to signed-in users; others go to sign-in (and back afterwards). */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <p role="status">{t('common.loading')}</p>;
  if (!me.data?.authenticated) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (me.data.user?.mustChangePassword && location.pathname !== '/account') return <Navigate to="/account" replace />;
  return <>{children}</>;
}
