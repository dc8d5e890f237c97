import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { findFreePort } from '../test/e2e/browser';

/** Median wall time in ms of running `node <args>` to completion, after one uncounted run. */
export function medianRunMs(args: readonly string[], runs = 7, env: NodeJS.ProcessEnv = process.env): number {
  const samples: number[] = [];
  for (let index = 0; index <= runs; index += 1) {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    if (index > 0) samples.push(performance.now() - started);
  }
  return median(samples);
}

/**
 * Median ms from spawning `node <args(port)>` until GET <path> answers 200 on that port, over
 * `runs` runs after one uncounted run. Each run gets a fresh DATA_DIR (a first start: migrations).
 */
export async function medianReadyMs(
  args: (port: number) => readonly string[],
  path: string,
  runs = 3,
): Promise<number> {
  const samples: number[] = [];
  for (let index = 0; index <= runs; index += 1) {
    const dataDir = mkdtempSync(join(tmpdir(), 'iotcheck-bench-'));
    const port = await findFreePort();
    const started = performance.now();
    const child = spawn(process.execPath, [...args(port)], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    try {
      await waitForOk(`http://127.0.0.1:${port}${path}`, 30_000);
      if (index > 0) samples.push(performance.now() - started);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return median(samples);
}

async function waitForOk(url: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
