import { DomainError, type ProblemDetail } from '../domain-error';

/** How hard a probe may push: new connections per second and connections open at once. */
export interface RatePlan {
  readonly connectionsPerSecond: number;
  readonly maxConcurrency: number;
}

/** Gentle defaults for production networks (PLCs and cameras fall over under floods). */
export const DEFAULT_RATE: RatePlan = { connectionsPerSecond: 100, maxConcurrency: 32 };

export const RATE_LIMITS = { maxConnectionsPerSecond: 20_000, maxConcurrency: 1_024 } as const;

/** Validates a rate plan (whole numbers within `RATE_LIMITS`), throwing VALIDATION_FAILED with located details. */
export function defineRate(rate: Partial<RatePlan> = {}): RatePlan {
  const plan = { ...DEFAULT_RATE, ...rate };
  const problems: ProblemDetail[] = [];
  const check = (field: keyof RatePlan, max: number): void => {
    const value = plan[field];
    if (!Number.isInteger(value) || value < 1 || value > max) {
      problems.push({
        field,
        value: String(value),
        reason: `a whole number from 1 to ${max}`,
        code: 'invalid_value',
        params: { max },
      });
    }
  };
  check('connectionsPerSecond', RATE_LIMITS.maxConnectionsPerSecond);
  check('maxConcurrency', RATE_LIMITS.maxConcurrency);
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'The probe rate is not valid.', problems);
  return plan;
}

/** A token bucket's state: `tokens` available at time `at` (ms). */
export interface TokenBucket {
  readonly tokens: number;
  readonly at: number;
}

/**
 * The bucket holds at most one tenth of a second of tokens (at least one), so a probe never
 * bursts much above its rate, even after a pause.
 */
export function bucketCapacity(rate: RatePlan): number {
  return Math.max(1, Math.floor(rate.connectionsPerSecond / 10));
}

/** A full bucket at time `now`. */
export function createBucket(rate: RatePlan, now: number): TokenBucket {
  return { tokens: bucketCapacity(rate), at: now };
}

/**
 * Takes one token at time `now`: returns the new state and how long the caller must wait before
 * connecting (0 when a token was there). Tokens may go negative: each waiting caller has
 * reserved its own future slot, so waits are spaced by 1/rate without a queue.
 */
export function takeToken(bucket: TokenBucket, rate: RatePlan, now: number): { bucket: TokenBucket; waitMs: number } {
  const elapsed = Math.max(0, now - bucket.at);
  const refilled = Math.min(bucketCapacity(rate), bucket.tokens + (elapsed * rate.connectionsPerSecond) / 1000);
  const tokens = refilled - 1;
  const waitMs = tokens >= 0 ? 0 : (-tokens * 1000) / rate.connectionsPerSecond;
  return { bucket: { tokens, at: Math.max(now, bucket.at) }, waitMs };
}
