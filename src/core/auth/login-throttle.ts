/** Failures allowed before any delay, per account and per client address. */
export const FREE_FAILURES = { account: 5, address: 20 } as const;
export const MAX_LOCK_SECONDS = 15 * 60;

/**
 * How long a key (an account or a client address) is locked after `failures` consecutive
 * failures: none for the first few, then 1, 2, 4 … seconds, capped at 15 minutes.
 */
export function lockSecondsAfter(failures: number, freeFailures: number = FREE_FAILURES.account): number {
  if (failures < freeFailures) return 0;
  return Math.min(MAX_LOCK_SECONDS, 2 ** Math.min(30, failures - freeFailures));
}

/** One key's stored failures and lock, as the throttle reads it. */
export interface AttemptState {
  readonly failures: number;
  readonly lockedUntil: string | null;
  readonly updatedAt: string | undefined;
}

/** What claiming one attempt on a key decides: refuse it (still locked), or count it. */
export type AttemptClaim =
  | { readonly refused: true; readonly retryAfterSeconds: number }
  | {
      readonly refused: false;
      readonly failures: number;
      readonly lockedUntil: string | null;
      readonly locks: boolean;
    };

/**
 * Claims one attempt before the secret is checked: while the key is locked the attempt is refused
 * and not counted; otherwise it counts as a failure up front (undone on success), and the failure
 * that reaches `freeFailures` starts the lock. Counts older than `windowMs` (when given) start over.
 */
export function claimAttempt(state: AttemptState, now: Date, freeFailures: number, windowMs?: number): AttemptClaim {
  if (state.lockedUntil && new Date(state.lockedUntil) > now)
    return {
      refused: true,
      retryAfterSeconds: Math.ceil((new Date(state.lockedUntil).getTime() - now.getTime()) / 1000),
    };
  const stale =
    windowMs !== undefined &&
    state.lockedUntil === null &&
    state.updatedAt !== undefined &&
    now.getTime() - new Date(state.updatedAt).getTime() > windowMs;
  const failures = (stale ? 0 : state.failures) + 1;
  const lockSeconds = lockSecondsAfter(failures, freeFailures);
  return {
    refused: false,
    failures,
    lockedUntil: lockSeconds > 0 ? new Date(now.getTime() + lockSeconds * 1000).toISOString() : null,
    locks: lockSeconds > 0 && failures === freeFailures,
  };
}

/** Takes back the up-front count of an attempt that succeeded; a lock it alone caused is lifted. */
export function undoAttempt(
  state: AttemptState,
  freeFailures: number,
): { failures: number; lockedUntil: string | null } {
  const failures = Math.max(0, state.failures - 1);
  return { failures, lockedUntil: failures < freeFailures ? null : state.lockedUntil };
}
