import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import {
  deletePendingInvitation,
  listPendingInvitations,
  type PendingInvitation,
} from '../../db/invitation.repository';
import { requireOrganisation } from '../accounts/require-user';
import { recordAudit } from '../audit/record-audit';
import type { AccountDeps, RequestContext } from '../auth/account-deps';

/** The current organisation's invitations that can still be accepted (links are never shown again). */
export async function listInvitations(deps: AccountDeps, input: { actor: Actor }): Promise<PendingInvitation[]> {
  const { organisationId } = requireOrganisation(input.actor);
  return listPendingInvitations(deps.database.db, organisationId, deps.clock());
}

/** Withdraws a pending invitation: its link stops working at once. Audited. */
export async function revokeInvitation(
  deps: AccountDeps,
  input: { actor: Actor; invitationId: string; context?: RequestContext },
): Promise<void> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const now = deps.clock();
  await deps.database.db.transaction().execute(async (transaction) => {
    const revoked = await deletePendingInvitation(transaction, organisationId, input.invitationId);
    if (!revoked)
      throw new DomainError('NOT_FOUND', 'No such pending invitation.', [{ field: 'id', reason: 'unknown' }]);
    await recordAudit(transaction, actor, input.context, now, {
      organisationId,
      action: 'invitation.revoke',
      targetType: 'invitation',
      targetId: input.invitationId,
      before: revoked,
    });
  });
}
