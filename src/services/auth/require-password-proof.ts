import type { Actor, UserActor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import { findUserById, type UserRecord } from '../../db/user.repository';
import { requireUser } from '../accounts/require-user';
import type { AccountDeps, RequestContext } from './account-deps';
import { passwordThrottleKeys, verifyPassword } from './log-in';
import { claimThrottledAttempt, settleSuccessfulAttempt } from './throttled-attempt';

/**
 * The signed-in user types the password again (re-authentication, turning TOTP off, new recovery
 * codes). Browser sessions only, never API tokens; wrong passwords count against the same locks
 * as sign-in (claimed before the comparison). Returns the actor and the account.
 */
export async function requirePasswordProof(
  deps: AccountDeps,
  input: { actor: Actor; password: string; context?: RequestContext | undefined },
): Promise<{ actor: UserActor; user: UserRecord }> {
  const actor = requireUser(input.actor);
  if (actor.via !== 'session')
    throw new DomainError('FORBIDDEN', 'Only a signed-in browser session can change account security.');
  const user = await findUserById(deps.database.db, actor.userId);
  if (!user?.passwordHash)
    throw new DomainError(
      'REAUTHENTICATION_REQUIRED',
      'This account signs in with single sign-on: sign out and sign in again.',
    );
  const keys = passwordThrottleKeys(user.email, input.context ?? { clientAddress: 'unknown' });
  await claimThrottledAttempt(deps, keys, input.context);
  if (!(await verifyPassword(deps, user, input.password)))
    throw new DomainError('VALIDATION_FAILED', 'The password is wrong.', [{ field: 'password', reason: 'wrong' }]);
  await settleSuccessfulAttempt(deps, keys);
  return { actor, user };
}
