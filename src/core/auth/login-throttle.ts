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
