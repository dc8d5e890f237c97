import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sendJson } from '../../api/api-client';
import { useApiMutation } from '../../api/auth-queries';
import { FormError } from '../../components/form-error';
import { ReauthenticatePrompt } from './reauthenticate-prompt';

export function PasswordSection() {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const change = useApiMutation((input: { currentPassword: string; newPassword: string }) =>
    sendJson('POST', '/api/account/password', input),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const target = event.currentTarget;
    setSaved(false);
    change.mutate(
      { currentPassword: String(form.get('currentPassword')), newPassword: String(form.get('newPassword')) },
      { onSuccess: () => (setSaved(true), target.reset()) },
    );
  };
  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">{t('account.changePassword')}</h2>
      <form onSubmit={submit} className="stacked-form">
        <label>
          {t('account.currentPassword')}
          <input name="currentPassword" type="password" autoComplete="current-password" required />
        </label>
        <label>
          {t('account.newPassword')}
          <input name="newPassword" type="password" autoComplete="new-password" minLength={12} required />
        </label>
        <p className="muted">{t('auth.passwordRule')}</p>
        <FormError error={change.error} />
        {saved && <p role="status">{t('account.saved')}</p>}
        <button type="submit" disabled={change.isPending}>
          {t('account.save')}
        </button>
      </form>
      <ReauthenticatePrompt error={change.error} onDone={() => change.reset()} />
    </section>
  );
}
