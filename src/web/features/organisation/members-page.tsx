import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationCreated, MemberList } from '../../../contracts/auth.schema';
import { getJson, sendJson } from '../../api/api-client';
import { useApiMutation, useMe } from '../../api/auth-queries';
import { PendingInvitations } from './pending-invitations';
import { CopyButton } from '../../components/copy-button';
import { usePermissions } from '../../api/permissions';
import { FormError } from '../../components/form-error';
import { usePageTitle } from '../../components/use-page-title';
import { RoleSelect } from './role-select';

/** A role change the user picked and has not confirmed yet. */
interface PendingRole {
  readonly userId: string;
  readonly name: string;
  readonly from: string;
  readonly to: string;
}

/** The current organisation: settings (owner; review policy also admin), members and roles, invitations. */
export function MembersPage() {
  const { t } = useTranslation();
  usePageTitle(t('pageTitles.members'));
  const me = useMe();
  const permissions = usePermissions();
  const members = useQuery({
    queryKey: ['organisation', 'members'],
    queryFn: () => getJson<MemberList>('/api/organisation/members'),
    enabled: permissions.can('members.read'),
  });
  const [pendingRole, setPendingRole] = useState<PendingRole>();
  const [savedRole, setSavedRole] = useState<PendingRole>();
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
  const confirmRole = () => {
    if (!pendingRole) return;
    setRole.mutate(
      { userId: pendingRole.userId, role: pendingRole.to },
      {
        onSuccess: () => {
          setSavedRole(pendingRole);
          setPendingRole(undefined);
        },
      },
    );
  };
  const roleName = (role: string) => t(`roles.${role}`);
  if (permissions.isLoading) return null;
  if (!permissions.can('members.read')) return <p role="alert">{t('errors.FORBIDDEN')}</p>;
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
        {pendingRole && (
          <div className="confirm-panel" role="group" aria-labelledby="role-confirm-text" data-testid="role-confirm">
            <p id="role-confirm-text">
              {t('organisation.confirmRole', {
                name: pendingRole.name,
                from: roleName(pendingRole.from),
                to: roleName(pendingRole.to),
              })}
            </p>
            <button type="submit" onClick={confirmRole} disabled={setRole.isPending}>
              {t('organisation.confirmRoleSubmit')}
            </button>
            <button
              type="button"
              onClick={() => {
                setPendingRole(undefined);
                setRole.reset();
              }}
            >
              {t('assessment.cancel')}
            </button>
          </div>
        )}
        {savedRole && !pendingRole && (
          <p role="status" className="notice saved-notice" data-testid="role-saved">
            {t('organisation.roleSaved', { name: savedRole.name, to: roleName(savedRole.to) })}
          </p>
        )}
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
                  {member.displayName}{' '}
                  {member.displayName !== member.email && <span className="muted">{member.email}</span>}
                </td>
                <td>
                  <RoleSelect
                    aria-label={t('organisation.role')}
                    value={pendingRole?.userId === member.userId ? pendingRole.to : member.role}
                    onChange={(event) => {
                      setSavedRole(undefined);
                      setRole.reset();
                      setPendingRole(
                        event.target.value === member.role
                          ? undefined
                          : {
                              userId: member.userId,
                              name: member.displayName || member.email,
                              from: member.role,
                              to: event.target.value,
                            },
                      );
                    }}
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
      {permissions.can('invitations.manage') && (
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
              <code data-testid="invitation-url">{invitation.url}</code>{' '}
              <CopyButton text={invitation.url} testId="copy-invitation" />
            </p>
          )}
          <PendingInvitations />
        </section>
      )}
    </div>
  );
}
