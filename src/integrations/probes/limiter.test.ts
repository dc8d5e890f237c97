import { describe, expect, it } from 'vitest';
import { defineScope } from '../../core/probes/scope';
import { createLimiter } from './limiter';
import { resolveHostnames } from './resolve-hostnames';

describe('limiter', () => {
  it('never runs more tasks at once than the concurrency allows', async () => {
    const limiter = createLimiter({ connectionsPerSecond: 10_000, maxConcurrency: 3 });
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        limiter.run(async () => {
          running += 1;
          peak = Math.max(peak, running);
          await new Promise((resolve) => setTimeout(resolve, 5));
          running -= 1;
          return index;
        }),
      ),
    );
    expect(results).toEqual(Array.from({ length: 20 }, (_, index) => index));
    expect(peak).toBe(3);
  });

  it('runs nothing more once cancelled', async () => {
    const controller = new AbortController();
    const limiter = createLimiter({ connectionsPerSecond: 10, maxConcurrency: 1 }, controller.signal);
    let ran = 0;
    const pending = Array.from({ length: 5 }, () => limiter.run(async () => (ran += 1)));
    controller.abort();
    const results = await Promise.all(pending);
    expect(ran).toBe(1); // the first token is free; the rest wait and are dropped
    expect(results.slice(1)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('resolveHostnames', () => {
  it('resolves each declared and extra name once; a failure maps to no address', async () => {
    const asked: string[] = [];
    const resolved = await resolveHostnames(
      defineScope({ targets: ['10.0.0.1', 'cam.test', 'gone.test'] }),
      ['NAS.test.'],
      async (name) => {
        asked.push(name);
        if (name === 'gone.test') throw new Error('ENOTFOUND');
        return ['127.0.0.1'];
      },
    );
    expect(asked.sort()).toEqual(['cam.test', 'gone.test', 'nas.test']);
    expect(Object.fromEntries(resolved)).toEqual({
      'cam.test': ['127.0.0.1'],
      'gone.test': [],
      'nas.test': ['127.0.0.1'],
    });
  });
});
