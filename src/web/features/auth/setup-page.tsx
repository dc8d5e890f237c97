import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { authApi } from '../../api/auth-queries';
import { FormError } from '../../components/form-error';
import { usePageTitle } from '../../components/use-page-title';

/** First run only: the first owner and organisation. The server refuses it once any user exists. */
export function SetupPage() {
  const { t } = useTranslation();
  usePageTitle(t('pageTitles.setup'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      await authApi.setup({
        email: String(form.get('email')),
        password: String(form.get('password')),
        displayName: String(form.get('displayName')),
        organisationName: String(form.get('organisationName')),
      });
      await queryClient.invalidateQueries();
      await navigate('/', { replace: true });
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section className="narrow-page">
      <h1>{t('auth.setupTitle')}</h1>
      <p>{t('auth.setupLead')}</p>
      <form onSubmit={(event) => void submit(event)} className="stacked-form">
        <label>
          {t('auth.organisationName')}
          <input name="organisationName" required maxLength={200} />
        </label>
        <label>
          {t('auth.displayName')}
          <input name="displayName" maxLength={200} autoComplete="name" />
        </label>
        <label>
          {t('auth.email')}
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          {t('auth.password')}
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={12}
            required
            aria-describedby="password-rule"
          />
        </label>
        <p id="password-rule" className="muted">
          {t('auth.passwordRule')}
        </p>
        <FormError error={error} />
        <button type="submit">{t('auth.setupSubmit')}</button>
      </form>
    </section>
  );
}
