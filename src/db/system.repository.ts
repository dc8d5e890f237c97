import type { Kysely } from 'kysely';
import type { Criticality } from '../core/assessment/assessment.types';
import type { DatabaseSchema } from './database';

/** An IoT system (the scope of assessments) as stored; always read within one organisation. */
export interface StoredSystem {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly business: string;
  readonly criticality: Criticality;
  readonly ownerName: string;
  readonly protectedFunctions: readonly string[];
  readonly protectedInformation: readonly string[];
  readonly internetFacing: boolean;
  readonly tags: readonly string[];
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

type Db = Kysely<DatabaseSchema>;
type Row = DatabaseSchema['iot_system'];

const toSystem = (row: Row): StoredSystem => ({
  id: row.id,
  name: row.name,
  description: row.description,
  business: row.business,
  criticality: row.criticality as Criticality,
  ownerName: row.owner_name,
  protectedFunctions: JSON.parse(row.protected_functions) as string[],
  protectedInformation: JSON.parse(row.protected_information) as string[],
  internetFacing: row.internet_facing === 1,
  tags: JSON.parse(row.tags) as string[],
  version: Number(row.version),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toColumns = (system: StoredSystem) => ({
  name: system.name,
  description: system.description,
  business: system.business,
  criticality: system.criticality,
  owner_name: system.ownerName,
  protected_functions: JSON.stringify(system.protectedFunctions),
  protected_information: JSON.stringify(system.protectedInformation),
  internet_facing: system.internetFacing ? 1 : 0,
  tags: JSON.stringify(system.tags),
  version: system.version,
  updated_at: system.updatedAt,
});

export async function insertSystem(db: Db, organisationId: string, system: StoredSystem): Promise<void> {
  await db
    .insertInto('iot_system')
    .values({ id: system.id, organisation_id: organisationId, created_at: system.createdAt, ...toColumns(system) })
    .execute();
}

export async function findSystem(db: Db, organisationId: string, systemId: string): Promise<StoredSystem | undefined> {
  const row = await db
    .selectFrom('iot_system')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', systemId)
    .executeTakeFirst();
  return row ? toSystem(row) : undefined;
}

/** The organisation's systems by name. */
export async function listSystems(db: Db, organisationId: string): Promise<StoredSystem[]> {
  const rows = await db
    .selectFrom('iot_system')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map(toSystem);
}

/**
 * Writes `system` (whose version is already the next one) only if the stored version is still
 * `expectedVersion`; false means someone else saved first.
 */
export async function updateSystem(
  db: Db,
  organisationId: string,
  system: StoredSystem,
  expectedVersion: number,
): Promise<boolean> {
  const result = await db
    .updateTable('iot_system')
    .set(toColumns(system))
    .where('organisation_id', '=', organisationId)
    .where('id', '=', system.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes a system that has no assessments left (the foreign key refuses otherwise). */
export async function deleteSystemRow(db: Db, organisationId: string, systemId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('iot_system')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', systemId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
