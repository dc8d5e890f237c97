import { randomBytes } from 'node:crypto';
import type { Actor } from '../../core/auth/actor';
import { canActOnMember } from '../../core/auth/roles';
import { DomainError } from '../../core/domain-error';
import { revokeApiTokensOfUser } from '../../db/api-token.repository';
import { findMembership, listOrganisationsOfUser } from '../../db/organisation.repository';
import { deleteSessionsOfUser } from '../../db/session.repository';
import { findUserById, updatePassword } from '../../db/user.repository';
import { recordAudit } from '../audit/record-audit';
import type { AccountDeps, RequestContext } from '../auth/account-deps';
import { requireUser } from './require-user';

/**
 * An administrator resets a member's password: a random temporary password is returned once,
 * every session of the user ends, every API token of theirs is revoked, and the user must choose
 * a new password at next sign-in. Only owners reset owners (OWNER_ONLY), as for role changes.
 * From the web, only members of the administrator's current organisation can be reset, and only
 * when they belong to no other organisation: an account is global, so an administrator of one
 * tenant must not be able to take over someone's access to another. The CLI can reset anyone.
 */
export async function resetPassword(
  deps: AccountDeps,
  input: { actor: Actor; userId: string; context?: RequestContext },
): Promise<{ temporaryPassword: string }> {
  const actor = requireUser(input.actor);
  const user = await findUserById(deps.database.db, input.userId);
  const targetRole =
    actor.via === 'cli' || actor.organisationId === null
      ? undefined
      : await findMembership(deps.database.db, actor.organisationId, input.userId);
  if (!user || (actor.via !== 'cli' && targetRole === undefined)) throw new DomainError('NOT_FOUND', 'No such member.');
  if (actor.via !== 'cli' && targetRole !== undefined && !canActOnMember(actor.role ?? 'viewer', targetRole))
    throw new DomainError('OWNER_ONLY', "Only an owner can reset an owner's password.");
  if (
    actor.via !== 'cli' &&
    (await listOrganisationsOfUser(deps.database.db, user.id)).some(
      (organisation) => organisation.id !== actor.organisationId,
    )
  ) {
    throw new DomainError(
      'FORBIDDEN',
      'This person also belongs to another organisation; an installation administrator must reset the password (iotcheck user reset-password).',
    );
  }
  const temporaryPassword = `${randomBytes(12).toString('base64url')}-${randomBytes(4).toString('hex')}`;
  const passwordHash = await deps.passwords.hash(temporaryPassword);
  const now = deps.clock();
  await deps.database.db.transaction().execute(async (transaction) => {
    await updatePassword(transaction, user.id, { passwordHash, mustChangePassword: true, now: now.toISOString() });
    await deleteSessionsOfUser(transaction, user.id);
    const revokedTokens = await revokeApiTokensOfUser(transaction, user.id, now.toISOString());
    await recordAudit(transaction, actor, input.context, now, {
      organisationId: actor.organisationId,
      action: 'account.password_reset',
      targetType: 'user',
      targetId: user.id,
      after: { mustChangePassword: true, revokedTokens },
    });
  });
  return { temporaryPassword };
}
