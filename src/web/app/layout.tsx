import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { LanguageSwitch } from '../components/language-switch';

const NAV_ITEMS = ['checksheet', 'assessments', 'inventory', 'guidelines', 'reports'] as const;

/** Page frame: skip link, header with navigation and language switch, main content. */
export function Layout() {
  const { t } = useTranslation();
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
          </ul>
        </nav>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
