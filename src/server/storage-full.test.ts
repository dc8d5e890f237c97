import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createEvidenceStore } from '../integrations/evidence/evidence-store';
import { toProblem } from './problem';

/** Mounts a 1 MiB tmpfs (root only); the reason it cannot, or undefined when mounted. */
function mountSmallDisk(dir: string): string | undefined {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return `cannot mount a small tmpfs here (${(error as Error).message.split('\n')[0]})`;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'iotcheck-full-disk-'));
const cannotMount = mountSmallDisk(dir);
if (cannotMount) rmSync(dir, { recursive: true, force: true });
if (cannotMount && process.env['CI'] === 'true') throw new Error(`CI=true: ${cannotMount}`);

describe.skipIf(cannotMount !== undefined)(`a full disk during an evidence upload (${cannotMount ?? 'tmpfs'})`, () => {
  afterAll(() => {
    execFileSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses the upload as STORAGE_FULL (507) and leaves no file behind', async () => {
    const store = createEvidenceStore(join(dir, 'evidence'));
    const twoMiB = Readable.from([Buffer.alloc(1024 * 1024, 1), Buffer.alloc(1024 * 1024, 2)]);
    const failure = await store.stage(twoMiB, { maxBytes: 10 * 1024 * 1024 }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeDefined();
    expect(toProblem(failure)).toMatchObject({ status: 507, code: 'STORAGE_FULL' });
    expect(readdirSync(join(dir, 'evidence'))).toEqual([]);
    // The space is free again: a small upload after the refusal is stored.
    const small = await store.stage(Readable.from([Buffer.from('after the refusal\n')]), { maxBytes: 1024 });
    await small.commit();
    expect(await store.has(small.sha256)).toBe(true);
  });
});
