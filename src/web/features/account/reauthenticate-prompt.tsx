import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, sendJson } from '../../api/api-client';
import { FormError } from '../../components/form-error';

/**
 * Shown when an account change answered REAUTHENTICATION_REQUIRED: the password proves the
 * session again for the next minutes, then the user repeats the change.
 */
export function ReauthenticatePrompt({ error, onDone }: { error: unknown; onDone: () => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (!(error instanceof ApiError) || error.problem.code !== 'REAUTHENTICATION_REQUIRED') return null;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password'));
    setBusy(true);
    try {
      await sendJson('POST', '/api/auth/reauthenticate', { password });
      setFailure(undefined);
      onDone();
    } catch (caught) {
      setFailure(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} className="stacked-form" data-testid="reauthenticate">
      <p>{t('account.reauthLead')}</p>
      <label>
        {t('auth.password')}
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <FormError error={failure} />
      <button type="submit" disabled={busy}>
        {t('account.reauthSubmit')}
      </button>
    </form>
  );
}
