import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { InvitationView } from '../../../contracts/auth.schema';
import { getJson, sendJson } from '../../api/api-client';
import { useApiMutation, useMe } from '../../api/auth-queries';
import { FormError } from '../../components/form-error';
import { QueryState } from '../../components/query-state';
import { usePageTitle } from '../../components/use-page-title';

/**
 * Accepting an invitation: the invited account joins when signed in; anyone else may choose a
 * password for a new account here. The page is not told whether the address has an account, so
 * it offers both ways.
 */
export function InvitationPage() {
  const { t } = useTranslation();
  usePageTitle(t('invitation.title'));
  const { token = '' } = useParams();
  const me = useMe();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => getJson<InvitationView>(`/api/invitations/${encodeURIComponent(token)}`),
    retry: false,
  });
  const [done, setDone] = useState(false);
  const accept = useApiMutation((input: { password?: string; displayName?: string }) =>
    sendJson('POST', `/api/invitations/${encodeURIComponent(token)}/accept`, input),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = form.get('password');
    accept.mutate(password ? { password: String(password), displayName: String(form.get('displayName') ?? '') } : {}, {
      onSuccess: () => setDone(true),
    });
  };
  if (done) {
    return (
      <section className="narrow-page">
        <h1>{t('invitation.title')}</h1>
        <p role="status">
          {t('invitation.accepted')} <Link to="/login">{t('auth.signIn')}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="narrow-page">
      <h1>{t('invitation.title')}</h1>
      <QueryState query={invitation}>
        {(view) => (
          <form onSubmit={submit} className="stacked-form">
            <p>
              {t('invitation.lead', {
                organisation: view.organisationName,
                role: t(`roles.${view.role}`),
                email: view.email,
              })}
            </p>
            {!isInvitee(me.data?.user?.email, view.email) && (
              <>
                <p className="notice notice-text">
                  {t('invitation.signInFirst', { email: view.email })} <Link to="/login">{t('auth.signIn')}</Link>
                </p>
                <label>
                  {t('auth.displayName')}
                  <input name="displayName" maxLength={200} />
                </label>
                <label>
                  {t('auth.password')}
                  <input name="password" type="password" autoComplete="new-password" minLength={12} required />
                </label>
                <p className="muted">{t('auth.passwordRule')}</p>
              </>
            )}
            <FormError error={accept.error} />
            <button type="submit">{t('invitation.accept')}</button>
          </form>
        )}
      </QueryState>
    </section>
  );
}

/** True when the signed-in user is the invited address (addresses compare without case). */
function isInvitee(signedInEmail: string | undefined, invitedEmail: string): boolean {
  return signedInEmail !== undefined && signedInEmail.toLowerCase() === invitedEmail.toLowerCase();
}
