import { randomUUID } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTableShapes } from '../../db/backup/table-catalog';
import { findTablesWithRows } from '../../db/backup/tables-with-rows';
import type { DatabaseDialect } from '../../db/database';
import {
  backupTo,
  createInstallation,
  dumpStoredFiles,
  dumpTables,
  pgUrl,
  restoreFrom,
  seed,
  type Installation,
} from '../../testing/backup-installation';
import { editNdjsonRow, rewriteBackup } from '../../testing/rewrite-backup';

// A restore that fails part-way — the archive breaks off, a row the database refuses, the file
// changing under it after files went into the store — leaves the target as empty as it was and
// names where it failed (archive part, row).
for (const dialect of ['sqlite', 'postgres'] as const satisfies readonly DatabaseDialect[]) {
  // The PostgreSQL half needs the run's server (global setup says why it is missing, and fails under CI=true).
  describe.skipIf(dialect === 'postgres' && pgUrl === '')(`a restore that fails part-way [${dialect}]`, () => {
    const work = mkdtempSync(join(tmpdir(), 'iotcheck-restore-failure-'));
    const file = join(work, 'backup.tar.gz');
    let source: Installation;
    let target: Installation;

    beforeAll(async () => {
      // On PostgreSQL the target keeps files in the database, so a leftover would be a stored_file row.
      const store = dialect === 'postgres' ? 'postgres' : 'local';
      source = await createInstallation(dialect);
      target = await createInstallation(dialect, store);
      await seed(source);
      await backupTo(source, file);
    }, 120_000);

    afterAll(async () => {
      await source?.destroy();
      await target?.destroy();
      rmSync(work, { recursive: true, force: true });
    });

    const expectEmpty = async () => {
      expect(await findTablesWithRows(target.database, await readTableShapes(target.database))).toEqual([]);
      expect(await dumpStoredFiles(target)).toEqual({});
    };

    it('refuses a truncated archive, naming the part it broke off in, and restores nothing', async () => {
      const bytes = readFileSync(file);
      const truncated = join(work, 'truncated.tar.gz');
      writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      const error = await restoreFrom(target, truncated).catch((caught: unknown) => caught);
      expect(error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [
          { file: expect.stringMatching(/^(tables|evidence|jobs)\//), reason: expect.stringContaining('breaks off') },
        ],
      });
      await expectEmpty();
    });

    it('refuses a row pointing at a missing organisation, naming the part and the row, and restores nothing', async () => {
      const broken = join(work, 'foreign-key.tar.gz');
      await rewriteBackup(file, broken, (path, bytes) =>
        path === 'tables/device.ndjson'
          ? editNdjsonRow(bytes, 5, (row) => ({ ...row, organisation_id: randomUUID() }))
          : bytes,
      );
      await expect(restoreFrom(target, broken)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ file: 'tables/device.ndjson', row: 5, reason: expect.stringMatching(/foreign key/i) }],
      });
      await expectEmpty();
    });

    it('refuses a row that repeats another one (a unique key), naming it, and restores nothing', async () => {
      const broken = join(work, 'duplicate.tar.gz');
      let rows = 0;
      await rewriteBackup(file, broken, (path, bytes) => {
        if (path !== 'tables/device.ndjson') return bytes;
        const lines = bytes
          .toString('utf8')
          .split('\n')
          .filter((line) => line !== '');
        rows = lines.length;
        return Buffer.from([...lines, lines[0]].join('\n') + '\n');
      });
      expect(rows).toBeGreaterThan(1);
      await expect(restoreFrom(target, broken)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ file: 'tables/device.ndjson', row: rows + 1, reason: expect.stringMatching(/unique|duplicate/i) }],
      });
      await expectEmpty();
    });

    it('takes back the files it had stored when the archive changes under it late in the restore', async () => {
      // Verified first (the original), then read again to restore (a copy whose job file differs):
      // rows, the evidence file and the job file are in by the time the difference shows.
      const changed = join(work, 'changed-later.tar.gz');
      await rewriteBackup(file, changed, (path, bytes) =>
        path.startsWith('jobs/') ? Buffer.concat([bytes, Buffer.from('changed\n')]) : bytes,
      );
      let opened = 0;
      const open = () => createReadStream((opened += 1) === 1 ? file : changed);
      await expect(restoreFrom(target, file, open)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ file: expect.stringMatching(/^(jobs\/|manifest\.json$)/) }],
      });
      expect(opened).toBe(2);
      await expectEmpty();
    });

    it('restores the untouched backup into the same target afterwards', async () => {
      await restoreFrom(target, file);
      expect(await dumpTables(target.database, false)).toEqual(await dumpTables(source.database, false));
      expect(await dumpStoredFiles(target)).toEqual(await dumpStoredFiles(source));
    });
  });
}
