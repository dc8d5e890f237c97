import { describe, expect, it } from 'vitest';
import { bucketCapacity, createBucket, defineRate, takeToken, type TokenBucket } from './rate';

describe('rate plan', () => {
  it('validates with located details', () => {
    expect(defineRate({ connectionsPerSecond: 50 })).toEqual({ connectionsPerSecond: 50, maxConcurrency: 32 });
    expect(() => defineRate({ connectionsPerSecond: 0, maxConcurrency: 5000 })).toThrowError(
      expect.objectContaining({
        details: [
          expect.objectContaining({ field: 'connectionsPerSecond' }),
          expect.objectContaining({ field: 'maxConcurrency' }),
        ],
      }),
    );
  });

  it('spaces connections at the rate once the small burst is spent', () => {
    const rate = { connectionsPerSecond: 100, maxConcurrency: 10 };
    expect(bucketCapacity(rate)).toBe(10);
    let bucket: TokenBucket = createBucket(rate, 0);
    const waits: number[] = [];
    for (let i = 0; i < 13; i += 1) {
      const taken = takeToken(bucket, rate, 0);
      bucket = taken.bucket;
      waits.push(taken.waitMs);
    }
    expect(waits.slice(0, 10)).toEqual(new Array(10).fill(0));
    expect(waits.slice(10)).toEqual([10, 20, 30]);
    // After a second the bucket is full again, never fuller.
    expect(takeToken(bucket, rate, 1000).bucket.tokens).toBe(9);
  });

  it('never lets more than rate × seconds + burst through', () => {
    const rate = { connectionsPerSecond: 37, maxConcurrency: 1 };
    let bucket = createBucket(rate, 0);
    let startedBy1s = 0;
    for (let i = 0; i < 200; i += 1) {
      const taken = takeToken(bucket, rate, 0);
      bucket = taken.bucket;
      if (taken.waitMs <= 1000) startedBy1s += 1;
    }
    expect(startedBy1s).toBeLessThanOrEqual(37 + bucketCapacity(rate));
  });
});
