import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PendingInvitationList } from '../../../contracts/invitation.schema';
import { getJson, sendJson } from '../../api/api-client';
import { useApiMutation } from '../../api/auth-queries';
import { FormError } from '../../components/form-error';

/** Invitations that can still be accepted, each with a way to withdraw it. */
export function PendingInvitations() {
  const { t } = useTranslation();
  const invitations = useQuery({
    queryKey: ['organisation', 'invitations'],
    queryFn: () => getJson<PendingInvitationList>('/api/organisation/invitations'),
  });
  const revoke = useApiMutation((id: string) =>
    sendJson('DELETE', `/api/organisation/invitations/${encodeURIComponent(id)}`),
  );
  const list = invitations.data?.invitations ?? [];
  return (
    <section aria-labelledby="pending-invitations-heading">
      <h3 id="pending-invitations-heading">{t('manage.pendingInvitations')}</h3>
      {list.length === 0 ? (
        <p className="muted">{t('manage.noPendingInvitations')}</p>
      ) : (
        <table className="data-table" data-testid="pending-invitations">
          <thead>
            <tr>
              <th scope="col">{t('auth.email')}</th>
              <th scope="col">{t('manage.role')}</th>
              <th scope="col">{t('manage.invitedBy')}</th>
              <th scope="col">{t('manage.expires')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('manage.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((invitation) => (
              <tr key={invitation.id}>
                <td>{invitation.email}</td>
                <td className="nowrap">{t(`roles.${invitation.role}`)}</td>
                <td>{invitation.createdByName ?? '—'}</td>
                <td className="nowrap">{invitation.expiresAt.slice(0, 10)}</td>
                <td>
                  <button type="button" onClick={() => revoke.mutate(invitation.id)}>
                    {t('manage.revokeInvitation')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FormError error={revoke.error ?? invitations.error} />
    </section>
  );
}
