import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotpEnrolment } from '../../../contracts/auth.schema';
import { sendJson } from '../../api/api-client';
import { useApiMutation } from '../../api/auth-queries';
import { FormError } from '../../components/form-error';

/** TOTP enrolment: a QR code for the authenticator app, then one code to turn it on. */
export function TotpSection({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<TotpEnrolment>();
  const start = useApiMutation(() => sendJson<TotpEnrolment>('POST', '/api/account/totp/enrol'));
  const confirm = useApiMutation((code: string) => sendJson('POST', '/api/account/totp/confirm', { code }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    confirm.mutate(String(new FormData(event.currentTarget).get('code')).trim(), {
      onSuccess: () => setEnrolment(undefined),
    });
  };
  return (
    <section aria-labelledby="totp-heading">
      <h2 id="totp-heading">{t('account.totpTitle')}</h2>
      <p data-testid="totp-state">{enabled ? t('account.totpOn') : t('account.totpOff')}</p>
      {!enabled && !enrolment && (
        <button type="button" onClick={() => start.mutate(undefined, { onSuccess: setEnrolment })}>
          {t('account.totpStart')}
        </button>
      )}
      <FormError error={start.error} />
      {enrolment && (
        <form onSubmit={submit} className="stacked-form">
          <p>{t('account.totpScan')}</p>
          <img src={enrolment.qrDataUrl} alt="QR" width={200} height={200} data-testid="totp-qr" />
          <p>
            {t('account.totpSecret')}: <code data-testid="totp-secret">{enrolment.secret}</code>
          </p>
          <label>
            {t('auth.code')}
            <input name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" required />
          </label>
          <FormError error={confirm.error} />
          <button type="submit" disabled={confirm.isPending}>
            {t('account.totpConfirm')}
          </button>
        </form>
      )}
    </section>
  );
}
