import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database';
import type { InventoryHistoryTable } from './inventory.table';

// The device half of `inventory_history`: one row per change of one device, with the changed
// fields' values before and after (JSON objects keyed by field).

type Db = Kysely<DatabaseSchema>;

const BATCH = 500; // 11 columns a row: well inside SQLite's limit on bound parameters

/** Appends history rows (in batches). */
export async function insertHistoryRows(db: Db, rows: readonly InventoryHistoryTable[]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    await db
      .insertInto('inventory_history')
      .values(rows.slice(start, start + BATCH))
      .execute();
  }
}

/** A stored history row with the display name of who made it. */
export interface DeviceHistoryRow extends InventoryHistoryTable {
  readonly changed_by_name: string | null;
}

/** A device's history, newest first. */
export async function listDeviceHistoryRows(
  db: Db,
  organisationId: string,
  deviceId: number,
  limit: number,
): Promise<DeviceHistoryRow[]> {
  return db
    .selectFrom('inventory_history')
    .leftJoin('app_user', 'app_user.id', 'inventory_history.changed_by')
    .selectAll('inventory_history')
    .select('app_user.display_name as changed_by_name')
    .where('inventory_history.organisation_id', '=', organisationId)
    .where('inventory_history.entity_kind', '=', 'device')
    .where('inventory_history.entity_id', '=', String(deviceId))
    .orderBy('inventory_history.changed_at', 'desc')
    .orderBy('inventory_history.version', 'desc')
    .limit(limit)
    .execute();
}

/** The import run that was under way when a device was created (it wrote no history row for it). */
export async function findImportAt(
  db: Db,
  organisationId: string,
  at: string,
): Promise<{ id: string; finished_at: string; imported_by_name: string | null } | undefined> {
  return db
    .selectFrom('inventory_import')
    .leftJoin('app_user', 'app_user.id', 'inventory_import.imported_by')
    .select(['inventory_import.id', 'inventory_import.finished_at', 'app_user.display_name as imported_by_name'])
    .where('inventory_import.organisation_id', '=', organisationId)
    .where('inventory_import.started_at', '<=', at)
    .orderBy('inventory_import.started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
