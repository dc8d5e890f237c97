import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clearSpoolDir } from './clear-spool-dir';

describe('clearSpoolDir', () => {
  const root = mkdtempSync(join(tmpdir(), 'iotcheck-spool-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('removes the request spools a killed run left and keeps the uploads queued jobs wait for', async () => {
    const dir = join(root, 'tmp');
    mkdirSync(dir);
    for (const name of ['import-1', 'sbom-2', 'workbook-3.xlsx', 'advisories-4'])
      writeFileSync(join(dir, name), 'half a file');
    expect(await clearSpoolDir(dir)).toBe(3);
    expect(readdirSync(dir)).toEqual(['advisories-4']);
  });

  it('treats a missing folder as empty', async () => {
    expect(await clearSpoolDir(join(root, 'never-made'))).toBe(0);
  });
});
