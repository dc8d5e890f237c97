import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth-queries';
import { ApiTokensSection } from './api-tokens-section';
import { PasswordSection } from './password-section';
import { TotpSection } from './totp-section';
import { usePageTitle } from '../../components/use-page-title';

/** My account: password, two-step sign-in and API tokens. */
export function AccountPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.title'));
  const me = useMe();
  const user = me.data?.user;
  if (!user) return null;
  return (
    <div className="account-page">
      <h1>{t('account.title')}</h1>
      <p className="muted">{user.email}</p>
      {user.mustChangePassword && (
        <p role="alert" className="notice">
          {t('account.mustChange')}
        </p>
      )}
      {me.data?.totpEnrolmentRequired && (
        <p role="alert" className="notice">
          {t('account.totpRequired')}
        </p>
      )}
      <PasswordSection />
      {!user.mustChangePassword && <TotpSection enabled={user.totpEnabled} />}
      {!user.mustChangePassword && me.data?.role && <ApiTokensSection />}
    </div>
  );
}
