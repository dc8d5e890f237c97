import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database';
import type { VulnerabilityTriageTable } from './triage.table';

// Triage records: an organisation's VEX status of an advisory (by source + tracking id) for a
// model or one device.

type Db = Kysely<DatabaseSchema>;

/** Joins manufacturer and model in a model target key. */
export const TARGET_KEY_SEPARATOR = '\u001f';

/**
 * The key that makes one triage per target: a model (manufacturer + model) or one device. The
 * parts are joined by U+001F (unit separator), not NUL: PostgreSQL text cannot hold NUL.
 */
export function triageTargetKey(
  target: { kind: 'model'; manufacturer: string; model: string } | { kind: 'device'; deviceId: string },
): string {
  return target.kind === 'model'
    ? `model:${target.manufacturer}${TARGET_KEY_SEPARATOR}${target.model}`
    : `device:${target.deviceId}`;
}

export async function findTriage(
  db: Db,
  organisationId: string,
  key: { source: string; trackingId: string; targetKey: string },
): Promise<VulnerabilityTriageTable | undefined> {
  return db
    .selectFrom('vulnerability_triage')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('source', '=', key.source)
    .where('tracking_id', '=', key.trackingId)
    .where('target_key', '=', key.targetKey)
    .executeTakeFirst();
}

export async function insertTriage(db: Db, row: VulnerabilityTriageTable): Promise<void> {
  await db.insertInto('vulnerability_triage').values(row).execute();
}

/** Writes a new state over `expectedVersion`; false when someone else changed it in between. */
export async function updateTriage(
  db: Db,
  id: string,
  expectedVersion: number,
  change: Pick<
    VulnerabilityTriageTable,
    'status' | 'justification' | 'detail' | 'owner' | 'due' | 'updated_by' | 'updated_at'
  >,
): Promise<boolean> {
  const result = await db
    .updateTable('vulnerability_triage')
    .set({ ...change, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Every triage of the organisation for the given advisories (source + tracking id pairs). */
export async function listTriageForAdvisories(
  db: Db,
  organisationId: string,
  advisories: readonly { source: string; trackingId: string }[],
): Promise<VulnerabilityTriageTable[]> {
  if (advisories.length === 0) return [];
  const trackingIds = [...new Set(advisories.map((a) => a.trackingId))];
  const rows = await db
    .selectFrom('vulnerability_triage')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('tracking_id', 'in', trackingIds)
    .execute();
  const wanted = new Set(advisories.map((a) => `${a.source}\u0000${a.trackingId}`));
  return rows.filter((row) => wanted.has(`${row.source}\u0000${row.tracking_id}`));
}

/** Every triage of the organisation (VEX export). */
export async function listOrganisationTriage(db: Db, organisationId: string): Promise<VulnerabilityTriageTable[]> {
  return db
    .selectFrom('vulnerability_triage')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('source')
    .orderBy('tracking_id')
    .orderBy('target_key')
    .execute();
}
