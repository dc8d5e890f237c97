import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useMe } from '../api/auth-queries';
import { LanguageSwitch } from '../components/language-switch';
import { UserMenu } from '../components/user-menu';

const NAV_ITEMS = ['checksheet', 'assessments', 'inventory', 'guidelines', 'reports'] as const;
const ADMIN_ITEMS = [
  { path: 'organisation', label: 'organisation.title' },
  { path: 'audit', label: 'audit.title' },
] as const;

/** Page frame: skip link, header with navigation and language switch, main content. */
export function Layout() {
  const { t } = useTranslation();
  const me = useMe();
  const isAdmin = me.data?.role === 'owner' || me.data?.role === 'admin';
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <NavLink to="/" className="brand">
          {t('app.name')}
        </NavLink>
        <nav aria-label={t('nav.label')}>
          <ul className="nav-list">
            {NAV_ITEMS.map((item) => (
              <li key={item}>
                <NavLink to={`/${item}`} data-testid={`nav-${item}`}>
                  {t(`nav.${item}`)}
                </NavLink>
              </li>
            ))}
            {isAdmin &&
              ADMIN_ITEMS.map((item) => (
                <li key={item.path}>
                  <NavLink to={`/${item.path}`} data-testid={`nav-${item.path}`}>
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
          </ul>
        </nav>
        <LanguageSwitch />
        <UserMenu />
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
