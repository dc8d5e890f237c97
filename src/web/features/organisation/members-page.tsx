import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationCreated, MemberList } from '../../../contracts/auth.schema';
import { getJson, sendJson } from '../../api/api-client';
import { useApiMutation, useMe } from '../../api/auth-queries';
import { FormError } from '../../components/form-error';
import { RoleSelect } from './role-select';

/** The current organisation: settings (owner; review policy also admin), members and roles, invitations. */
export function MembersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const members = useQuery({
    queryKey: ['organisation', 'members'],
    queryFn: () => getJson<MemberList>('/api/organisation/members'),
  });
  const organisation = me.data?.organisations?.find((candidate) => candidate.id === me.data?.organisationId);
  const [temporary, setTemporary] = useState<string>();
  const [invitation, setInvitation] = useState<InvitationCreated>();
  const setRole = useApiMutation((input: { userId: string; role: string }) =>
    sendJson('PUT', `/api/organisation/members/${encodeURIComponent(input.userId)}`, { role: input.role }),
  );
  const remove = useApiMutation((userId: string) =>
    sendJson('DELETE', `/api/organisation/members/${encodeURIComponent(userId)}`),
  );
  const reset = useApiMutation((userId: string) =>
    sendJson<{ temporaryPassword: string }>(
      'POST',
      `/api/organisation/members/${encodeURIComponent(userId)}/reset-password`,
    ),
  );
  const invite = useApiMutation((input: { email: string; role: string }) =>
    sendJson<InvitationCreated>('POST', '/api/organisation/invitations', input),
  );
  const settings = useApiMutation((input: { requireTotp: boolean }) => sendJson('PATCH', '/api/organisation', input));
  const reviewPolicy = useApiMutation((input: { requireSeparateReviewer: boolean }) =>
    sendJson('PUT', '/api/organisation/review-policy', input),
  );
  const isOwner = me.data?.role === 'owner';
  const managesSettings = isOwner || me.data?.role === 'admin';
  const submitInvite = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    invite.mutate({ email: String(form.get('email')), role: String(form.get('role')) }, { onSuccess: setInvitation });
  };

  return (
    <div>
      <h1>
        {t('organisation.title')}: {organisation?.name}
      </h1>
      {managesSettings && organisation && (
        <section aria-labelledby="settings-heading">
          <h2 id="settings-heading">{t('organisation.settings')}</h2>
          {isOwner && (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={organisation.requireTotp}
                onChange={(event) => settings.mutate({ requireTotp: event.target.checked })}
              />
              {t('organisation.requireTotp')}
            </label>
          )}
          <label className="checkbox">
            <input
              type="checkbox"
              checked={organisation.requireSeparateReviewer}
              disabled={reviewPolicy.isPending}
              onChange={(event) => reviewPolicy.mutate({ requireSeparateReviewer: event.target.checked })}
              data-testid="require-separate-reviewer"
            />
            {t('organisation.requireSeparateReviewer')}
          </label>
          <p className="muted setting-help">{t('organisation.requireSeparateReviewerHelp')}</p>
          <FormError error={settings.error ?? reviewPolicy.error} />
        </section>
      )}
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t('organisation.members')}</h2>
        <FormError error={members.error ?? setRole.error ?? remove.error ?? reset.error} />
        {temporary && (
          <p role="status" className="notice">
            {t('organisation.temporaryPassword', { password: temporary })}
          </p>
        )}
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('auth.email')}</th>
              <th scope="col">{t('organisation.role')}</th>
              <th scope="col">TOTP</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {members.data?.members.map((member) => (
              <tr key={member.userId}>
                <td>
                  {member.displayName} <span className="muted">{member.email}</span>
                </td>
                <td>
                  <RoleSelect
                    aria-label={t('organisation.role')}
                    value={member.role}
                    onChange={(event) => setRole.mutate({ userId: member.userId, role: event.target.value })}
                  />
                </td>
                <td>{member.totpEnabled ? '✓' : '–'}</td>
                <td className="actions">
                  {member.userId !== me.data?.user?.id && (
                    <>
                      <button
                        type="button"
                        onClick={() =>
                          reset.mutate(member.userId, { onSuccess: (result) => setTemporary(result.temporaryPassword) })
                        }
                      >
                        {t('organisation.resetPassword')}
                      </button>
                      <button type="button" onClick={() => remove.mutate(member.userId)}>
                        {t('organisation.remove')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t('organisation.invite')}</h2>
        <form onSubmit={submitInvite} className="inline-form">
          <label>
            {t('auth.email')}
            <input name="email" type="email" required />
          </label>
          <label>
            {t('organisation.role')}
            <RoleSelect name="role" defaultValue="assessor" />
          </label>
          <button type="submit">{t('organisation.inviteSubmit')}</button>
        </form>
        <FormError error={invite.error} />
        {invitation && (
          <p role="status" className="notice">
            {t('organisation.inviteLink', { date: invitation.expiresAt.slice(0, 10) })}:{' '}
            <code data-testid="invitation-url">{invitation.url}</code>
          </p>
        )}
      </section>
    </div>
  );
}
