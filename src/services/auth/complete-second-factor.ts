import { userActor } from '../../core/auth/actor';
import { FREE_FAILURES } from '../../core/auth/login-throttle';
import { hashRecoveryCode, looksLikeRecoveryCode } from '../../core/auth/recovery-codes';
import { hashSecret } from '../../core/auth/tokens';
import { DomainError } from '../../core/domain-error';
import { useRecoveryCode } from '../../db/recovery-code.repository';
import {
  claimSecondFactorAttempt,
  completeSecondFactorOfSession,
  deleteSession,
  findSession,
} from '../../db/session.repository';
import { advanceTotpStep, findUserById } from '../../db/user.repository';
import { matchTotpStep } from '../../integrations/auth/totp';
import { recordAudit } from '../audit/record-audit';
import { SECOND_FACTOR_ATTEMPTS, SESSION_ABSOLUTE_MS, type AccountDeps, type RequestContext } from './account-deps';
import { claimThrottledAttempt, settleSuccessfulAttempt, type ThrottleKey } from './throttled-attempt';

const PASSWORD_AGAIN = 'Too many wrong codes: sign in with your password again.';

/**
 * Second step of a login with TOTP: a session whose password was right becomes a full session
 * when the code matches a time step newer than the last one accepted (no replay), or is one of
 * the account's unused recovery codes (used up). Guesses are limited twice, each counted before
 * the code is checked: SECOND_FACTOR_ATTEMPTS per pending session (then the session is dropped
 * and the password step must be redone), and per account across sessions (locks like sign-in).
 */
export async function completeSecondFactor(
  deps: AccountDeps,
  input: { sessionToken: string; code: string; context: RequestContext },
): Promise<void> {
  const now = deps.clock();
  const tokenHash = hashSecret(input.sessionToken);
  const session = await findSession(deps.database.db, tokenHash);
  if (!session || !session.secondFactorPending || new Date(session.expiresAt) <= now)
    throw new DomainError('UNAUTHENTICATED', 'Sign in with your password first.');
  const user = await findUserById(deps.database.db, session.userId);
  if (!user) throw new DomainError('UNAUTHENTICATED', 'Sign in with your password first.');
  const keys = [secondFactorThrottleKey(user.id)];
  await claimThrottledAttempt(deps, keys, input.context);
  if (!(await claimSecondFactorAttempt(deps.database.db, tokenHash, SECOND_FACTOR_ATTEMPTS, now.toISOString()))) {
    await deleteSession(deps.database.db, tokenHash);
    throw new DomainError('UNAUTHENTICATED', PASSWORD_AGAIN, [{ field: 'code', reason: 'password_again' }]);
  }

  const typed = input.code.trim();
  const recovery = looksLikeRecoveryCode(typed);
  const secret = user.totpSecretSealed ? deps.secretBox.open(user.totpSecretSealed) : undefined;
  const step = !recovery && secret ? matchTotpStep(secret, typed, now) : undefined;
  const accepted = await deps.database.db.transaction().execute(async (transaction) => {
    const ok = recovery
      ? await useRecoveryCode(transaction, user.id, hashRecoveryCode(user.id, typed), now.toISOString())
      : step !== undefined && (await advanceTotpStep(transaction, user.id, step));
    if (!ok) return false;
    await completeSecondFactorOfSession(transaction, tokenHash, {
      now: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
    });
    const actor = userActor({
      userId: user.id,
      email: user.email,
      organisationId: null,
      role: null,
      via: 'session',
      mustChangePassword: user.mustChangePassword,
    });
    await recordAudit(transaction, actor, input.context, now, {
      organisationId: null,
      action: 'auth.login',
      targetType: 'user',
      targetId: user.id,
      after: { secondFactor: recovery ? 'recovery_code' : 'totp' },
    });
    return true;
  });
  if (!accepted) {
    const after = await findSession(deps.database.db, tokenHash);
    if (!after || (after.secondFactorFailures ?? 0) >= SECOND_FACTOR_ATTEMPTS) {
      await deleteSession(deps.database.db, tokenHash);
      throw new DomainError('UNAUTHENTICATED', PASSWORD_AGAIN, [{ field: 'code', reason: 'password_again' }]);
    }
    throw new DomainError('UNAUTHENTICATED', 'The code is wrong or was already used.', [
      { field: 'code', reason: 'invalid' },
    ]);
  }
  await settleSuccessfulAttempt(deps, keys);
}

/** Wrong second-factor codes of one account, across all its pending sessions. */
function secondFactorThrottleKey(userId: string): ThrottleKey {
  return {
    key: `second-factor:${userId}`,
    freeFailures: FREE_FAILURES.account,
    auditTarget: { type: 'second-factor', id: userId },
    clearOnSuccess: true,
  };
}
