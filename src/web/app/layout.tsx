import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import type { Action } from '../../core/auth/policy';
import { usePermissions } from '../api/permissions';
import { LanguageSwitch } from '../components/language-switch';
import { UserMenu } from '../components/user-menu';

/**
 * The menu: each entry names the policy action it needs (none for public pages), so a role sees
 * exactly the areas the server lets it use. Areas not built yet (reports) join the menu when
 * they exist.
 */
const NAV_ITEMS: readonly { path: string; label: string; needs?: Action }[] = [
  { path: 'checksheet', label: 'nav.checksheet' },
  { path: 'guidelines', label: 'nav.guidelines' },
  { path: 'assessments', label: 'nav.assessments', needs: 'assessments.read' },
  { path: 'inventory', label: 'nav.inventory', needs: 'inventory.read' },
  { path: 'vulnerabilities', label: 'vulnerabilities.title', needs: 'vulnerabilities.read' },
  { path: 'incidents', label: 'nav.incidents', needs: 'incidents.read' },
  { path: 'organisation', label: 'organisation.title', needs: 'members.read' },
  { path: 'audit', label: 'audit.title', needs: 'audit.read' },
];

/** Page frame: skip link, header with navigation and language switch, main content. */
export function Layout() {
  const { t } = useTranslation();
  const permissions = usePermissions();
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
            {NAV_ITEMS.filter((item) => !item.needs || permissions.can(item.needs)).map((item) => (
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
