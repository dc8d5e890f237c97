import { createBucket, takeToken, type RatePlan, type TokenBucket } from '../../core/probes/rate';

/** Runs tasks under a rate plan: each task takes a token (waiting for it) and a concurrency slot. */
export interface Limiter {
  /** Runs `task` when a slot and a token are free; resolves undefined, without running it, once cancelled. */
  run<T>(task: () => Promise<T>): Promise<T | undefined>;
}

/** A limiter over the pure token bucket of core/probes/rate.ts, cancelled by `signal`. */
export function createLimiter(rate: RatePlan, signal?: AbortSignal): Limiter {
  let bucket: TokenBucket = createBucket(rate, Date.now());
  let active = 0;
  const waiting: (() => void)[] = [];
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
    });
  signal?.addEventListener('abort', () => waiting.splice(0).forEach((wake) => wake()), { once: true });
  return {
    async run<T>(task: () => Promise<T>): Promise<T | undefined> {
      while (active >= rate.maxConcurrency && !signal?.aborted)
        await new Promise<void>((resolve) => waiting.push(resolve));
      if (signal?.aborted) return undefined;
      active += 1;
      try {
        const taken = takeToken(bucket, rate, Date.now());
        bucket = taken.bucket;
        if (taken.waitMs > 0) await sleep(taken.waitMs);
        if (signal?.aborted) return undefined;
        return await task();
      } finally {
        active -= 1;
        waiting.shift()?.();
      }
    },
  };
}
