import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { supportBounds } from '../../core/inventory/device-filter';
import { seedOrganisation } from '../../testing/test-accounts';
import { describeEachDialect } from '../../testing/test-database';
import { seedDevices } from '../../testing/test-devices';
import { allOf, filterConditions } from './device-filter-sql';

const SEARCH_INDEXES = [
  'device_asset_tag_uq',
  'device_name_idx',
  'device_model_idx',
  'device_serial_idx',
  'device_ip_idx',
  'device_mac_idx',
];

describeEachDialect('the device search plan', (database, dialect) => {
  it('answers a free-text search from the indexes, one prefix range per indexed expression, never a scan', async () => {
    const db = database();
    const organisationId = await seedOrganisation(db, 'Plant');
    await seedDevices(db, organisationId, 3000);
    const where = allOf(filterConditions(organisationId, { q: 'ab' }, supportBounds(new Date('2026-12-02'))));
    const plan = await db.db.transaction().execute(async (transaction) => {
      if (dialect === 'sqlite') {
        await sql`ANALYZE`.execute(transaction);
        const rows = await sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT * FROM device WHERE ${where}`.execute(
          transaction,
        );
        return rows.rows.map((row) => row.detail);
      }
      // With statistics the planner sees that the tenant selects every row and the prefixes almost none.
      await sql`ANALYZE device`.execute(transaction);
      const rows = await sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT * FROM device WHERE ${where}`.execute(
        transaction,
      );
      return rows.rows.map((row) => row['QUERY PLAN']);
    });
    const text = plan.join('\n');
    for (const index of SEARCH_INDEXES) expect(text, text).toContain(index);
    if (dialect === 'sqlite') {
      expect(text).toContain('MULTI-INDEX OR');
      expect(text).not.toMatch(/SCAN device(?! USING)/);
    } else {
      expect(text).toContain('BitmapOr');
      expect(text).not.toContain('Seq Scan');
    }
  });

  it('reads a page sorted by name along the name index', async () => {
    const db = database();
    if (dialect !== 'sqlite') return; // PostgreSQL chooses by cost; the SQLite plan is the one benchmarked
    const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT * FROM device
      WHERE organisation_id = ${'x'} AND (lower(name), id) > (${'a'}, ${1}) ORDER BY lower(name), id LIMIT 51`.execute(
      db.db,
    );
    const text = plan.rows.map((row) => row.detail).join('\n');
    expect(text).toContain('device_name_idx');
    expect(text).not.toContain('TEMP B-TREE');
  });
});
