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

/** Which SBOMs of an organisation to list: all, the model-wide ones, or those of one device. */
export type SbomRowFilter = { readonly kind: 'all' } | { readonly kind: 'models' } | { readonly deviceId: number };

/** The organisation's SBOMs under `filter`, by manufacturer, model, then newest first. */
export async function listSbomRows(db: Db, organisationId: string, filter: SbomRowFilter): Promise<SbomTable[]> {
  let query = db.selectFrom('sbom').selectAll().where('organisation_id', '=', organisationId);
  if ('deviceId' in filter) query = query.where('device_id', '=', filter.deviceId);
  else if (filter.kind === 'models') query = query.where('device_id', 'is', null);
  return query.orderBy('manufacturer').orderBy('model').orderBy('imported_at', 'desc').orderBy('id').execute();
}

/** One SBOM of the organisation, or undefined (another organisation's SBOM is not found). */
export async function findSbomRow(db: Db, organisationId: string, id: string): Promise<SbomTable | undefined> {
  return db
    .selectFrom('sbom')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Up to `limit` components of an SBOM after position `after` (keyset on the primary key). */
export async function listSbomComponentRows(
  db: Db,
  sbomId: string,
  after: number,
  limit: number,
): Promise<SbomComponentTable[]> {
  return db
    .selectFrom('sbom_component')
    .selectAll()
    .where('sbom_id', '=', sbomId)
    .where('position', '>', after)
    .orderBy('position')
    .limit(limit)
    .execute();
}
