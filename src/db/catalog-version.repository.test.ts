import { expect, it } from 'vitest';
import { describeEachDialect } from '../testing/test-database';
import { listCatalogVersions, recordCatalogVersion } from './catalog-version.repository';
import { migrateDown, readMigrationStatus } from './migrate';
import { migrateToLatest } from './migrate';
import { MIGRATIONS } from './migrations/index';

describeEachDialect('catalog version repository', (database, dialect) => {
  it('starts from the real migrations with nothing pending', async () => {
    const status = await readMigrationStatus(database());
    expect(database().dialect).toBe(dialect);
    expect(status.pending).toEqual([]);
    expect(status.applied.length).toBeGreaterThan(0);
  });

  it('records a catalog content once, however often it is loaded', async () => {
    const record = {
      frameworkId: 'jssec-v2',
      version: '2.0',
      contentHash: 'a'.repeat(64),
      firstSeenAt: '2026-11-22T00:00:00.000Z',
    };
    await recordCatalogVersion(database().db, record);
    await recordCatalogVersion(database().db, { ...record, firstSeenAt: '2026-11-23T00:00:00.000Z' });
    await recordCatalogVersion(database().db, {
      ...record,
      contentHash: 'b'.repeat(64),
      firstSeenAt: '2026-11-24T00:00:00.000Z',
    });
    const versions = await listCatalogVersions(database().db);
    expect(versions).toEqual([
      record,
      { ...record, contentHash: 'b'.repeat(64), firstSeenAt: '2026-11-24T00:00:00.000Z' },
    ]);
  });

  it('migrates the newest migration down and up again', async () => {
    await migrateDown(database());
    expect((await readMigrationStatus(database())).pending).toEqual([Object.keys(MIGRATIONS).at(-1)]);
    await migrateToLatest(database());
    expect((await readMigrationStatus(database())).pending).toEqual([]);
  });

  it('undoes every migration in turn and applies them all again', async () => {
    for (let applied = Object.keys(MIGRATIONS).length; applied > 0; applied -= 1) await migrateDown(database());
    expect((await readMigrationStatus(database())).applied).toEqual([]);
    await migrateToLatest(database());
    expect((await readMigrationStatus(database())).applied).toEqual(Object.keys(MIGRATIONS));
  });
});
