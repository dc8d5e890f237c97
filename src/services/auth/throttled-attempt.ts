import { ANONYMOUS } from '../../core/auth/actor';
import { claimAttempt, undoAttempt } from '../../core/auth/login-throttle';
import { DomainError } from '../../core/domain-error';
import { clearThrottle, readThrottleLocked, writeThrottle } from '../../db/login-throttle.repository';
import { recordAudit } from '../audit/record-audit';
import type { AccountDeps, RequestContext } from './account-deps';

/** One throttled key: `account:<email>`, `address:<ip>` or `second-factor:<userId>`. */
export interface ThrottleKey {
  readonly key: string;
  readonly freeFailures: number;
  /** Failure counts older than this start over (client addresses). */
  readonly windowMs?: number;
  /** What the audit entry names when this key locks. */
  readonly auditTarget: { readonly type: string; readonly id: string };
  /** On success: forget every failure of the key (accounts), instead of only this attempt's count. */
  readonly clearOnSuccess: boolean;
}

/**
 * Counts an attempt against every key and checks their locks in ONE transaction that holds the
 * keys (see readThrottleLocked), BEFORE the caller compares any secret: N parallel guesses are
 * evaluated at most up to the threshold, and nothing is evaluated while a key is locked.
 * Throws RATE_LIMITED (nothing counted) when a key is locked.
 */
export async function claimThrottledAttempt(
  deps: AccountDeps,
  keys: readonly ThrottleKey[],
  context: RequestContext | undefined,
): Promise<void> {
  const now = deps.clock();
  const at = now.toISOString();
  await deps.database.db.transaction().execute(async (transaction) => {
    const claims = [];
    for (const key of keys) {
      const claim = claimAttempt(
        await readThrottleLocked(transaction, deps.database.dialect, key.key, at),
        now,
        key.freeFailures,
        key.windowMs,
      );
      if (claim.refused)
        throw new DomainError('RATE_LIMITED', `Too many failed attempts. Try again in ${claim.retryAfterSeconds} s.`, [
          { field: 'retryAfterSeconds', reason: String(claim.retryAfterSeconds) },
        ]);
      claims.push({ key, claim });
    }
    for (const { key, claim } of claims) {
      await writeThrottle(transaction, key.key, { failures: claim.failures, lockedUntil: claim.lockedUntil }, at);
      if (claim.locks)
        await recordAudit(transaction, ANONYMOUS, context, now, {
          organisationId: null,
          action: 'auth.locked',
          targetType: key.auditTarget.type,
          targetId: key.auditTarget.id,
        });
    }
  });
}

/** The claimed attempt succeeded: take its up-front count back (or clear the key entirely). */
export async function settleSuccessfulAttempt(deps: AccountDeps, keys: readonly ThrottleKey[]): Promise<void> {
  const at = deps.clock().toISOString();
  await deps.database.db.transaction().execute(async (transaction) => {
    for (const key of keys) {
      if (key.clearOnSuccess) {
        await clearThrottle(transaction, key.key);
        continue;
      }
      const state = await readThrottleLocked(transaction, deps.database.dialect, key.key, at);
      await writeThrottle(transaction, key.key, undoAttempt(state, key.freeFailures), at);
    }
  });
}
