import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clearSpoolDir } from './clear-spool-dir';

describe('clearSpoolDir', () => {
  const root = mkdtempSync(join(tmpdir(), 'iotcheck-spool-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('removes what a killed run left and keeps the folder', async () => {
    const dir = join(root, 'tmp');
    mkdirSync(dir);
    writeFileSync(join(dir, 'import-1'), 'asset_tag\nA-1\n');
    writeFileSync(join(dir, 'import-2'), 'half a file');
    expect(await clearSpoolDir(dir)).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('treats a missing folder as empty', async () => {
    expect(await clearSpoolDir(join(root, 'never-made'))).toBe(0);
  });
});
