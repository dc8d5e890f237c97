import { randomUUID } from 'node:crypto';
import type SqliteDatabase from 'better-sqlite3';
import { DEVICE_INDEXES } from '../migrations/20261202-0001-inventory';
import { FacetDeltas } from './device-facet-deltas';
import { FACET_COLUMNS, type Facet } from './device-facets.repository';
import { columnValue, type DeviceFieldKey } from './device-row';
import {
  FIELD_ORDER,
  newDeviceValues,
  type DeviceImportWriter,
  type ImportOutcome,
  type ImportDeviceRow,
  type ImportWriteContext,
} from './device-import-writer';

type Value = string | number | null;

/** The secondary indexes a first import drops and rebuilds: the inventory's and the re-match's. */
const REBUILT_INDEXES: Readonly<Record<string, string>> = {
  ...DEVICE_INDEXES,
  device_updated_idx: 'organisation_id, updated_at', // migration 20261205-0002
};

/**
 * SQLite: prepared statements on the import's own connection, row by row in the open
 * transaction (better-sqlite3 runs them synchronously; that is the fast path on SQLite). An
 * organisation without devices skips the lookup: every row is new.
 */
export async function openSqliteImportWriter(
  sqlite: SqliteDatabase.Database,
  context: ImportWriteContext,
): Promise<DeviceImportWriter> {
  const columns = FIELD_ORDER.map(([, column]) => column);
  const { organisationId, importId, now, actorUserId } = context;
  const existing = sqlite.prepare('SELECT count(*) AS n FROM device WHERE organisation_id = ?').get(organisationId) as {
    n: number;
  };
  const lookupNeeded = existing.n > 0;
  const rebuild = !lookupNeeded && shouldRebuildIndexes(sqlite, context);
  // SQLite DDL is transactional: dropped here, rebuilt in finish(), restored by a rollback.
  if (rebuild) for (const name of Object.keys(REBUILT_INDEXES)) sqlite.exec(`DROP INDEX ${name}`);
  const insert = sqlite.prepare(
    `INSERT INTO device (${columns.join(', ')}, organisation_id, import_id, version, created_at, updated_at, updated_by)
     VALUES (${columns.map(() => '?').join(', ')}, ?, ?, 1, ?, ?, ?)`,
  );
  const find = sqlite.prepare('SELECT * FROM device WHERE organisation_id = ? AND asset_tag = ?');
  const update = sqlite.prepare(
    `UPDATE device SET ${columns.map((column) => `${column} = ?`).join(', ')},
       import_id = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?`,
  );
  const history = sqlite.prepare(
    `INSERT INTO inventory_history (id, organisation_id, entity_kind, entity_id, version, action, changed_at,
       changed_by, import_id, before, after) VALUES (?, ?, 'device', ?, ?, 'import', ?, ?, ?, ?, ?)`,
  );
  const present = new Set<DeviceFieldKey>(context.presentFields);
  const counts = { created: 0, updated: 0, unchanged: 0 };
  // The facet counts move with every row written, so the import never recounts the table.
  const facets = new FacetDeltas();
  const facetColumns = (Object.entries(FACET_COLUMNS) as Array<[Facet, string]>).map(
    ([facet, column]) => [facet, columns.indexOf(column), column] as const,
  );

  const writeOne = (row: ImportDeviceRow) => {
    const stored = lookupNeeded
      ? (find.get(organisationId, row.fields.assetTag) as Record<string, Value> | undefined)
      : undefined;
    if (!stored) {
      const values = newDeviceValues(row.fields);
      insert.run(...values, organisationId, importId, now, now, actorUserId);
      for (const [facet, index] of facetColumns) facets.add(facet, values[index] as string | null);
      counts.created++;
      return;
    }
    const values: Value[] = [];
    const before: Record<string, Value> = {};
    const after: Record<string, Value> = {};
    for (const [key, column] of FIELD_ORDER) {
      const old = stored[column] ?? null;
      let value = old;
      if (present.has(key)) value = columnValue(key, mergedValue(key, row, old) as never);
      if (value !== old) {
        before[key] = old;
        after[key] = value;
      }
      values.push(value);
    }
    if (Object.keys(after).length === 0) {
      counts.unchanged++;
      return;
    }
    update.run(...values, importId, now, actorUserId, stored['id']);
    for (const [facet, index, column] of facetColumns) {
      facets.move(facet, stored[column] as string | null, values[index] as string | null);
    }
    const version = Number(stored['version']) + 1;
    const entity = String(stored['id']);
    history.run(randomUUID(), organisationId, entity, version, now, actorUserId, importId, json(before), json(after));
    counts.updated++;
  };

  return {
    write(rows) {
      for (const row of rows) writeOne(row);
      return Promise.resolve();
    },
    finish(): Promise<ImportOutcome> {
      if (rebuild) {
        for (const [name, columns] of Object.entries(REBUILT_INDEXES)) {
          sqlite.exec(`CREATE INDEX ${name} ON device (${columns})`);
        }
      }
      return Promise.resolve({ ...counts, facets });
    },
    abort: () => Promise.resolve(),
  };
}

/**
 * Building an index once over sorted keys is much cheaper than inserting a million random keys
 * into it: a first load into an empty organisation that brings more rows than the whole table
 * holds drops the secondary indexes and builds them at the end (inside the same transaction).
 */
function shouldRebuildIndexes(sqlite: SqliteDatabase.Database, context: ImportWriteContext): boolean {
  const threshold = context.rebuildIndexesFrom ?? 50_000;
  if (context.expectedRows < threshold) return false;
  const total = sqlite.prepare('SELECT count(*) AS n FROM device').get() as { n: number };
  return context.expectedRows > total.n;
}

/** Custom fields merge into the stored ones (a file sets some of them); every other field replaces. */
function mergedValue(key: DeviceFieldKey, row: ImportDeviceRow, old: Value): unknown {
  const value = row.fields[key];
  if (key === 'customFields' && typeof old === 'string') {
    return { ...(JSON.parse(old) as object), ...(value as object) };
  }
  return value;
}

const json = (value: unknown) => JSON.stringify(value);
