import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryCodes, SecondFactorStatus, TotpEnrolment } from '../../../contracts/auth.schema';
import { getJson, sendJson } from '../../api/api-client';
import { useApiMutation } from '../../api/auth-queries';
import { FormError } from '../../components/form-error';
import { ReauthenticatePrompt } from './reauthenticate-prompt';

/**
 * TOTP: enrolment (QR code, then one code to turn it on), the recovery codes shown once, new
 * recovery codes and turning it off (both with the password).
 */
export function TotpSection({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<TotpEnrolment>();
  const [codes, setCodes] = useState<string[]>();
  const status = useQuery({
    queryKey: ['account', 'totp'],
    queryFn: () => getJson<SecondFactorStatus>('/api/account/totp'),
    enabled,
  });
  const start = useApiMutation(() => sendJson<TotpEnrolment>('POST', '/api/account/totp/enrol'));
  const confirm = useApiMutation((code: string) =>
    sendJson<RecoveryCodes>('POST', '/api/account/totp/confirm', { code }),
  );
  const regenerate = useApiMutation((password: string) =>
    sendJson<RecoveryCodes>('POST', '/api/account/totp/recovery-codes', { password }),
  );
  const disable = useApiMutation((password: string) => sendJson('POST', '/api/account/totp/disable', { password }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    confirm.mutate(String(new FormData(event.currentTarget).get('code')).trim(), {
      onSuccess: (result) => (setEnrolment(undefined), setCodes(result.recoveryCodes)),
    });
  };
  const withPassword = (action: 'regenerate' | 'disable') => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const password = String(new FormData(form).get('password'));
    if (action === 'regenerate')
      regenerate.mutate(password, { onSuccess: (result) => (setCodes(result.recoveryCodes), form.reset()) });
    else disable.mutate(password, { onSuccess: () => (setCodes(undefined), form.reset()) });
  };
  return (
    <section aria-labelledby="totp-heading">
      <h2 id="totp-heading">{t('account.totpTitle')}</h2>
      <p data-testid="totp-state">{enabled ? t('account.totpOn') : t('account.totpOff')}</p>
      {codes && (
        <div role="status" className="notice" data-testid="recovery-codes">
          <p>{t('account.recoveryShownOnce')}</p>
          <ul className="recovery-codes">
            {codes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {!enabled && !enrolment && (
        <button type="button" onClick={() => start.mutate(undefined, { onSuccess: setEnrolment })}>
          {t('account.totpStart')}
        </button>
      )}
      <FormError error={start.error} />
      <ReauthenticatePrompt error={start.error} onDone={() => start.reset()} />
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
      <ReauthenticatePrompt error={confirm.error} onDone={() => confirm.reset()} />
      {enabled && (
        <>
          <p data-testid="recovery-left">{t('account.recoveryLeft', { count: status.data?.recoveryCodesLeft ?? 0 })}</p>
          <form onSubmit={withPassword('regenerate')} className="stacked-form">
            <label>
              {t('auth.password')}
              <input name="password" type="password" autoComplete="current-password" required />
            </label>
            <FormError error={regenerate.error} />
            <button type="submit" disabled={regenerate.isPending}>
              {t('account.recoveryRegenerate')}
            </button>
          </form>
          <form onSubmit={withPassword('disable')} className="stacked-form">
            <p className="muted">{t('account.totpDisableLead')}</p>
            <label>
              {t('auth.password')}
              <input name="password" type="password" autoComplete="current-password" required />
            </label>
            <FormError error={disable.error} />
            <button type="submit" disabled={disable.isPending}>
              {t('account.totpDisable')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
