import { userActor } from '../../core/auth/actor';
import { hashSecret } from '../../core/auth/tokens';
import { DomainError } from '../../core/domain-error';
import { findSession } from '../../db/session.repository';
import { advanceTotpStep, findUserById } from '../../db/user.repository';
import { matchTotpStep } from '../../integrations/auth/totp';
import { recordAudit } from '../audit/record-audit';
import type { AccountDeps, RequestContext } from './account-deps';

/**
 * Second step of a login with TOTP: a session whose password was right becomes a full session
 * when the code matches a time step newer than the last one accepted (no replay).
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
  const secret = user?.totpSecretSealed ? deps.secretBox.open(user.totpSecretSealed) : undefined;
  const step = secret ? matchTotpStep(secret, input.code.trim(), now) : undefined;
  await deps.database.db.transaction().execute(async (transaction) => {
    if (!user || step === undefined || !(await advanceTotpStep(transaction, user.id, step))) {
      throw new DomainError('UNAUTHENTICATED', 'The code is wrong or was already used.', [
        { field: 'code', reason: 'invalid' },
      ]);
    }
    await transaction
      .updateTable('user_session')
      .set({ second_factor_pending: 0, last_seen_at: now.toISOString() })
      .where('token_hash', '=', tokenHash)
      .execute();
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
      after: { secondFactor: 'totp' },
    });
  });
}
