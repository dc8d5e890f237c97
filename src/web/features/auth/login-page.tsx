import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { getJson } from '../../api/api-client';
import { authApi } from '../../api/auth-queries';
import { FormError } from '../../components/form-error';
import { usePageTitle } from '../../components/use-page-title';

/** Sign-in with e-mail and password, then the TOTP code when the account has one. */
export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('pageTitles.login'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const setup = useQuery({
    queryKey: ['auth', 'setup'],
    queryFn: () => getJson<{ needed: boolean }>('/api/auth/setup'),
  });
  const providers = useQuery({
    queryKey: ['auth', 'providers'],
    queryFn: () => getJson<{ oidc: boolean }>('/api/auth/providers'),
  });
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const next = params.get('next')?.startsWith('/') ? (params.get('next') ?? '/') : '/';

  if (setup.data?.needed) return <Navigate to="/setup" replace />;

  const finish = async () => {
    await queryClient.invalidateQueries();
    await navigate(next, { replace: true });
  };
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      if (step === 'password') {
        const result = await authApi.login({
          email: String(form.get('email')),
          password: String(form.get('password')),
        });
        if (result.status === 'second_factor_required') setStep('code');
        else await finish();
      } else {
        await authApi.loginTotp({ code: String(form.get('code')).trim() });
        await finish();
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="narrow-page">
      <h1>{step === 'password' ? t('auth.signIn') : t('auth.secondFactorTitle')}</h1>
      {params.get('error') === 'sso' && (
        <p role="alert" className="form-error">
          {t('auth.ssoFailed')}
        </p>
      )}
      {step === 'password' && providers.data?.oidc && (
        <p>
          {/* A plain link: the server redirects the browser to the identity provider. */}
          <a className="button-link" href="/api/auth/oidc/start" data-testid="sso-link">
            {t('auth.sso')}
          </a>
          <span className="muted"> — {t('auth.or')}</span>
        </p>
      )}
      <form onSubmit={(event) => void submit(event)} className="stacked-form">
        {step === 'password' ? (
          <>
            <label>
              {t('auth.email')}
              <input name="email" type="email" autoComplete="username" required />
            </label>
            <label>
              {t('auth.password')}
              <input name="password" type="password" autoComplete="current-password" required />
            </label>
          </>
        ) : (
          <>
            <p>{t('auth.secondFactorLead')}</p>
            <label>
              {t('auth.codeOrRecovery')}
              <input name="code" autoComplete="one-time-code" minLength={6} maxLength={24} required autoFocus />
            </label>
          </>
        )}
        <FormError error={error} />
        <button type="submit" disabled={busy}>
          {step === 'password' ? t('auth.signIn') : t('auth.verify')}
        </button>
      </form>
    </section>
  );
}
