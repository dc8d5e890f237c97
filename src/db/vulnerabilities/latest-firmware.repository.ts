import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database';
import type { LatestFirmwareTable } from './triage.table';

// The latest known firmware per manufacturer + model of an organisation (migration 20261204-0003).

type Db = Kysely<DatabaseSchema>;

/** The record of one model, or undefined. */
export async function findLatestFirmware(
  db: Db,
  organisationId: string,
  manufacturer: string,
  model: string,
): Promise<LatestFirmwareTable | undefined> {
  return db
    .selectFrom('latest_firmware')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('manufacturer', '=', manufacturer)
    .where('model', '=', model)
    .executeTakeFirst();
}

/** Inserts or replaces the record of one model. */
export async function saveLatestFirmware(db: Db, row: LatestFirmwareTable, exists: boolean): Promise<void> {
  if (!exists) {
    await db.insertInto('latest_firmware').values(row).execute();
    return;
  }
  await db
    .updateTable('latest_firmware')
    .set({
      version: row.version,
      released_on: row.released_on,
      source: row.source,
      updated_by: row.updated_by,
      updated_at: row.updated_at,
    })
    .where('organisation_id', '=', row.organisation_id)
    .where('manufacturer', '=', row.manufacturer)
    .where('model', '=', row.model)
    .execute();
}

/** Every record of the organisation, by manufacturer and model. */
export async function listLatestFirmware(db: Db, organisationId: string): Promise<LatestFirmwareTable[]> {
  return db
    .selectFrom('latest_firmware')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('manufacturer')
    .orderBy('model')
    .execute();
}
