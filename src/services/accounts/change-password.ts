import type { Actor } from '../../core/auth/actor';
import { hashSecret } from '../../core/auth/tokens';
import { DomainError } from '../../core/domain-error';
import { revokeApiTokensOfUser } from '../../db/api-token.repository';
import { deleteSessionsOfUser } from '../../db/session.repository';
import { findUserById, updatePassword } from '../../db/user.repository';
import { recordAudit } from '../audit/record-audit';
import type { AccountDeps, RequestContext } from '../auth/account-deps';
import { requireValidPassword } from '../auth/require-valid-password';
import { requireRecentAuthentication } from './require-recent-authentication';

/** The signed-in user changes their own password; their other sessions end and their API tokens are revoked. */
export async function changePassword(
  deps: AccountDeps,
  input: { actor: Actor; currentPassword: string; newPassword: string; sessionToken?: string; context: RequestContext },
): Promise<void> {
  const actor = requireRecentAuthentication(input.actor, deps.clock());
  const user = await findUserById(deps.database.db, actor.userId);
  if (!user?.passwordHash || !(await deps.passwords.verify(user.passwordHash, input.currentPassword))) {
    throw new DomainError('VALIDATION_FAILED', 'The current password is wrong.', [
      { field: 'currentPassword', reason: 'wrong' },
    ]);
  }
  if (input.newPassword === input.currentPassword)
    throw new DomainError('VALIDATION_FAILED', 'Choose a new password.', [
      { field: 'newPassword', reason: 'unchanged' },
    ]);
  requireValidPassword(input.newPassword, user.email, 'newPassword');
  const passwordHash = await deps.passwords.hash(input.newPassword);
  const now = deps.clock();
  await deps.database.db.transaction().execute(async (transaction) => {
    await updatePassword(transaction, user.id, { passwordHash, mustChangePassword: false, now: now.toISOString() });
    await deleteSessionsOfUser(transaction, user.id, input.sessionToken ? hashSecret(input.sessionToken) : undefined);
    const revokedTokens = await revokeApiTokensOfUser(transaction, user.id, now.toISOString());
    await recordAudit(transaction, actor, input.context, now, {
      organisationId: null,
      action: 'account.password_changed',
      targetType: 'user',
      targetId: user.id,
      after: { revokedTokens },
    });
  });
}
