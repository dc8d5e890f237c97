import { sql, type Kysely } from 'kysely';
import type { DeviceFields } from '../../core/inventory/device.types';
import type { DatabaseSchema } from '../database';
import { toDeviceColumns, type DeviceColumns } from './device-row';
import type { DeviceTable } from './inventory.table';

// Single-device reads and writes, always within one organisation. Callers write the history
// row, adjust the facet counts and record the audit entry in the same transaction.

type Db = Kysely<DatabaseSchema>;

/** Who wrote and when: the bookkeeping columns of a write. */
export interface WriteStamp {
  readonly at: string;
  readonly by: string | null;
}

/** Inserts a new device (version 1) and returns its stored row. */
export async function insertDevice(
  db: Db,
  organisationId: string,
  fields: DeviceFields,
  stamp: WriteStamp,
): Promise<DeviceTable> {
  // The row type declares `id` as always present; the database assigns it on insert.
  const values: Omit<DeviceTable, 'id'> = {
    ...toDeviceColumns(fields),
    organisation_id: organisationId,
    maintainer_provider_id: null,
    import_id: null,
    version: 1,
    created_at: stamp.at,
    updated_at: stamp.at,
    updated_by: stamp.by,
  };
  return db
    .insertInto('device')
    .values(values as DeviceTable)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** One device row of the organisation, or undefined (another organisation's id reads as missing). */
export async function findDeviceRow(db: Db, organisationId: string, id: number): Promise<DeviceTable | undefined> {
  return db
    .selectFrom('device')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The id of the organisation's device with this asset tag, if any. */
export async function findDeviceIdByAssetTag(
  db: Db,
  organisationId: string,
  assetTag: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('device')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('asset_tag', '=', assetTag)
    .executeTakeFirst();
  return row ? Number(row.id) : undefined;
}

/**
 * Writes changed columns and the next version only if the stored version is still
 * `expectedVersion`; false means someone else saved first (or the device is gone).
 */
export async function updateDeviceRow(
  db: Db,
  organisationId: string,
  id: number,
  columns: Partial<DeviceColumns>,
  expectedVersion: number,
  stamp: WriteStamp,
): Promise<boolean> {
  const result = await db
    .updateTable('device')
    .set({ ...columns, version: expectedVersion + 1, updated_at: stamp.at, updated_by: stamp.by })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Writes the same columns on many devices at once, each to its next version. */
export async function updateDeviceRows(
  db: Db,
  organisationId: string,
  ids: readonly number[],
  columns: Partial<DeviceColumns>,
  stamp: WriteStamp,
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('device')
    .set({ ...columns, version: sql<number>`version + 1`, updated_at: stamp.at, updated_by: stamp.by })
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', [...ids])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Deletes a device at `expectedVersion` (its system links and its vulnerability identity mapping
 * go with it: the mapping has no foreign key, see migration 20261207-0001); false when stale or gone.
 */
export async function deleteDeviceRow(
  db: Db,
  organisationId: string,
  id: number,
  expectedVersion: number,
): Promise<boolean> {
  await db
    .deleteFrom('device_system')
    .where('organisation_id', '=', organisationId)
    .where('device_id', '=', id)
    .execute();
  const result = await db
    .deleteFrom('device')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) !== 1) return false;
  await db.deleteFrom('vulnerability_device_identity').where('device_id', '=', id).execute();
  return true;
}
