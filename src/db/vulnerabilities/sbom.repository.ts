import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema } from '../database';
import type { SbomComponentTable, SbomTable } from './advisory.table';

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

/** Rows per INSERT of components: well under both dialects' parameter limits (6 columns each). */
const COMPONENT_BATCH = 500;

/**
 * Removes the organisation's SBOM of the same target (a model: device_id null; or one device);
 * its components go with it (ON DELETE CASCADE, and explicitly for SQLite files without FKs).
 * Returns the removed ids.
 */
export async function deleteSbomsOfTarget(
  db: Db,
  organisationId: string,
  target: { manufacturer: string; model: string } | { deviceId: number },
): Promise<string[]> {
  let query = db.selectFrom('sbom').select('id').where('organisation_id', '=', organisationId);
  query =
    'deviceId' in target
      ? query.where('device_id', '=', target.deviceId)
      : query
          .where('device_id', 'is', null)
          .where('manufacturer', '=', target.manufacturer)
          .where('model', '=', target.model);
  const ids = (await query.execute()).map((row) => row.id);
  if (ids.length === 0) return [];
  await db.deleteFrom('sbom_component').where('sbom_id', 'in', ids).execute();
  await db.deleteFrom('sbom').where('id', 'in', ids).execute();
  return ids;
}

/** Stores one SBOM and its components (positions 0…n-1 in file order). */
export async function insertSbom(db: Db, sbom: SbomTable, components: readonly SbomComponentTable[]): Promise<void> {
  await db.insertInto('sbom').values(sbom).execute();
  for (let start = 0; start < components.length; start += COMPONENT_BATCH)
    await db
      .insertInto('sbom_component')
      .values(components.slice(start, start + COMPONENT_BATCH))
      .execute();
}
