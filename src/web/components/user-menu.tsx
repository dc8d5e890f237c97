import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Me } from '../../contracts/auth.schema';
import { authApi, ME_KEY, useMe } from '../api/auth-queries';

/** Organisation switcher, account link and sign-out; a sign-in link for visitors. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  if (!me.data?.authenticated) {
    return (
      <Link to="/login" data-testid="sign-in-link">
        {t('auth.signIn')}
      </Link>
    );
  }
  const organisations = me.data.organisations ?? [];
  const switchTo = async (organisationId: string) => {
    await authApi.switchOrganisation(organisationId);
    await queryClient.invalidateQueries();
  };
  const signOut = async () => {
    await authApi.logout();
    // Update "who am I" in place so the mounted header drops the member's menus at once (a cleared
    // cache would leave its observer holding the old answer), then forget everything else.
    queryClient.setQueryData<Me>(ME_KEY, { authenticated: false });
    queryClient.removeQueries({
      predicate: (query) =>
        query.queryKey.length !== ME_KEY.length || query.queryKey.some((part, index) => part !== ME_KEY[index]),
    });
    await navigate('/login');
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
  };
  return (
    <div className="user-menu">
      {organisations.length > 0 && (
        <label>
          <span className="visually-hidden">{t('organisation.switch')}</span>
          <select
            data-testid="organisation-switch"
            value={me.data.organisationId ?? ''}
            onChange={(event) => void switchTo(event.target.value)}
          >
            {organisations.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name} ({t(`roles.${organisation.role}`)})
              </option>
            ))}
          </select>
        </label>
      )}
      <Link to="/account" data-testid="account-link">
        {me.data.user?.displayName ?? t('auth.account')}
      </Link>
      <button type="button" onClick={() => void signOut()}>
        {t('auth.signOut')}
      </button>
    </div>
  );
}
