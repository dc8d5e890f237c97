import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVICE_DEFAULTS } from '../../core/inventory/device-defaults';
import { FILE_STORE_TABLES } from '../../db/backup/file-store-tables';
import { readTableShapes } from '../../db/backup/table-catalog';
import { countTableRows } from '../../db/backup/table-rows';
import { findTablesWithRows } from '../../db/backup/tables-with-rows';
import type { DatabaseDialect } from '../../db/database';
import { insertDevice } from '../../db/inventory/device.repository';
import { readBackupArchive } from '../../integrations/backup/backup-archive';
import {
  KEY,
  backupTo,
  createInstallation,
  dumpStoredFiles,
  dumpTables,
  pgUrl,
  restoreFrom,
  seed,
  type Installation,
  type StoreKind,
} from '../../testing/backup-installation';
import { startBackgroundWriter } from '../../testing/backup-writer';
import { parseManifest } from './backup-manifest';

const dialects: DatabaseDialect[] = ['sqlite', 'postgres'];
interface Side {
  readonly dialect: DatabaseDialect;
  readonly store: StoreKind;
}
const local = (dialect: DatabaseDialect): Side => ({ dialect, store: 'local' });
const inPostgres: Side = { dialect: 'postgres', store: 'postgres' };
/** Both dialects, SQLite → PostgreSQL, and files moving between the local and PostgreSQL stores both ways. */
const pairs: [Side, Side][] = [
  [local('sqlite'), local('sqlite')],
  [local('postgres'), local('postgres')],
  [local('sqlite'), inPostgres],
  [inPostgres, local('postgres')],
  [inPostgres, inPostgres],
];
const describeSide = (side: Side) => `${side.dialect}${side.store === 'postgres' ? ' (EVIDENCE_STORE=postgres)' : ''}`;
/** The PostgreSQL halves need the run's server (global setup says why it is missing, and fails under CI=true). */
const needsMissingPostgres = (...used: DatabaseDialect[]) => used.includes('postgres') && pgUrl === '';

for (const [fromSide, toSide] of pairs) {
  const [from, to] = [fromSide.dialect, toSide.dialect];
  describe.skipIf(needsMissingPostgres(from, to))(
    `backup from ${describeSide(fromSide)}, restore into ${describeSide(toSide)}`,
    () => {
      const work = mkdtempSync(join(tmpdir(), 'iotcheck-backup-test-'));
      const file = join(work, 'backup.tar.gz');
      let source: Installation;
      let target: Installation;
      let writerOrg: string;
      const writes = { before: 0, after: 0 };

      beforeAll(async () => {
        source = await createInstallation(from, fromSide.store);
        target = await createInstallation(to, toSide.store);
        await seed(source);
        const writer = await startBackgroundWriter(source);
        writerOrg = writer.organisationId;
        writes.before = writer.written();
        await backupTo(source, file);
        writes.after = writer.written();
        await writer.stop();
      }, 120_000);

      afterAll(async () => {
        await source?.destroy();
        await target?.destroy();
        rmSync(work, { recursive: true, force: true });
      });

      it('restores into an empty installation with every table row by row and every file byte by byte', async () => {
        const summary = await restoreFrom(target, file);
        expect(summary).toMatchObject({ backupDialect: from, evidenceFiles: 1, jobFiles: 1, migratedAfter: 0 });
        // The backup is the state at one moment while the writer kept going: compare the restored
        // installation with the source minus what was written after that moment.
        const name = (
          await target.database.db
            .selectFrom('organisation')
            .select('name')
            .where('id', '=', writerOrg)
            .executeTakeFirstOrThrow()
        ).name;
        const captured = Number(/^written-(\d+)$/.exec(name)?.[1]);
        expect(writes.after).toBeGreaterThan(writes.before); // the writer did write while the backup ran
        expect(captured).toBeGreaterThanOrEqual(writes.before);
        expect(captured).toBeLessThanOrEqual(writes.after);
        const restoredWriterDevices = await target.database.db
          .selectFrom('device')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('organisation_id', '=', writerOrg)
          .executeTakeFirstOrThrow();
        expect(Number(restoredWriterDevices.n)).toBe(captured);

        await source.database.db
          .deleteFrom('device')
          .where('organisation_id', '=', writerOrg)
          .where(
            'asset_tag',
            'not in',
            Array.from({ length: captured }, (_, i) => `W-${i + 1}`),
          )
          .execute();
        await source.database.db
          .updateTable('organisation')
          .set({ name: `written-${captured}` })
          .where('id', '=', writerOrg)
          .execute();
        const cross = from !== to;
        expect(await dumpTables(target.database, cross)).toEqual(await dumpTables(source.database, cross));
        expect(await dumpStoredFiles(target)).toEqual(await dumpStoredFiles(source));
        expect(readFileSync(join(target.dataDir, 'secret.key'), 'utf8')).toBe(KEY.toString('base64'));

        // Identity counters follow the restored ids: a new device gets a fresh id.
        const added = await insertDevice(
          target.database.db,
          writerOrg,
          { ...DEVICE_DEFAULTS, assetTag: 'after', name: 'After' },
          { at: '2026-12-02T10:00:00.000Z', by: null },
        );
        expect(Number(added.id)).toBeGreaterThan(0);
      });

      it('holds every file once, as a file part read through the store, never as file-store rows', async () => {
        let manifestText = '';
        const parts = await readBackupArchive(createReadStream(file), async (entry) => {
          if (entry.path !== 'manifest.json') return;
          const chunks: Buffer[] = [];
          for await (const chunk of entry.content) chunks.push(chunk);
          manifestText = Buffer.concat(chunks).toString('utf8');
        });
        const manifest = parseManifest(manifestText);
        expect(manifest.tables.map((table) => table.name).filter((name) => FILE_STORE_TABLES.has(name))).toEqual([]);
        const fileParts = [...parts.keys()].filter((path) => /^(evidence|jobs)\//.test(path)).sort();
        expect(fileParts).toEqual(Object.keys(await dumpStoredFiles(source)).sort());
        expect(fileParts).toHaveLength(2);
        // The PostgreSQL store really held the bytes as rows (and the local one none).
        expect((await countTableRows(source.database.db, 'stored_file_chunk')) > 0).toBe(fromSide.store === 'postgres');
      });

      it('refuses to restore into an installation that holds data, and leaves it as it was', async () => {
        const before = await dumpTables(source.database, false);
        await expect(restoreFrom(source, file)).rejects.toMatchObject({ code: 'CONFLICT' });
        expect(await dumpTables(source.database, false)).toEqual(before);
      });
    },
  );
}

for (const dialect of dialects) {
  describe.skipIf(needsMissingPostgres(dialect))(`a changed or foreign backup [${dialect}]`, () => {
    const work = mkdtempSync(join(tmpdir(), 'iotcheck-backup-bad-'));
    const file = join(work, 'backup.tar.gz');
    let source: Installation;
    let target: Installation;

    beforeAll(async () => {
      const store: StoreKind = dialect === 'postgres' ? 'postgres' : 'local';
      source = await createInstallation(dialect, store);
      target = await createInstallation(dialect, store);
      await seed(source);
      await backupTo(source, file);
    }, 120_000);

    afterAll(async () => {
      await source?.destroy();
      await target?.destroy();
      rmSync(work, { recursive: true, force: true });
    });

    const expectNothingRestored = async () => {
      expect(await findTablesWithRows(target.database, await readTableShapes(target.database))).toEqual([]);
      expect(await dumpStoredFiles(target)).toEqual({});
    };

    it('refuses a backup with one changed byte, naming the part, and restores nothing', async () => {
      const tar = gunzipSync(readFileSync(file));
      const at = tar.indexOf('カメラの乗っ取り');
      expect(at).toBeGreaterThan(0);
      tar[at + 2] = tar[at + 2]! ^ 1;
      const changed = join(work, 'changed.tar.gz');
      writeFileSync(changed, gzipSync(tar));
      await expect(restoreFrom(target, changed)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ file: expect.stringMatching(/^tables\/\w+\.ndjson$/), reason: expect.stringContaining('sha256') }],
      });
      await expectNothingRestored();
    });

    it('refuses a damaged archive (a changed compressed byte) and restores nothing', async () => {
      const bytes = readFileSync(file);
      bytes[Math.floor(bytes.length / 2)] = bytes[Math.floor(bytes.length / 2)]! ^ 0xff;
      const damaged = join(work, 'damaged.tar.gz');
      writeFileSync(damaged, bytes);
      await expect(restoreFrom(target, damaged)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      await expectNothingRestored();
    });

    it('refuses a backup made by a newer version (an unknown migration)', async () => {
      const tar = gunzipSync(readFileSync(file));
      const text = tar.toString('latin1');
      const marker = '"migrations": [';
      const at = text.indexOf(marker);
      expect(at).toBeGreaterThan(0);
      // Same length, so the tar header's size still fits: rename the first migration.
      const future = Buffer.from(tar);
      const nameAt = at + marker.length + text.slice(at + marker.length).indexOf('"') + 1;
      future.write('29991231', nameAt, 'latin1');
      const newer = join(work, 'newer.tar.gz');
      writeFileSync(newer, gzipSync(future));
      await expect(restoreFrom(target, newer)).rejects.toMatchObject({
        code: 'CONFLICT',
        details: [{ file: 'manifest.json', field: 'migrations[0]' }],
      });
      await expectNothingRestored();
    });

    it('restores the untouched backup into that same target afterwards', async () => {
      await restoreFrom(target, file);
      expect(await dumpTables(target.database, false)).toEqual(await dumpTables(source.database, false));
    });
  });
}
