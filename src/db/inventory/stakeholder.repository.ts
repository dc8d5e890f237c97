import type { Kysely } from 'kysely';
import type { PartyKind, Stakeholder, StakeholderRole, StakeholderScope } from '../../core/inventory/stakeholder.types';
import type { DatabaseSchema } from '../database';

type Db = Kysely<DatabaseSchema>;
type Row = DatabaseSchema['stakeholder'];

const toStakeholder = (row: Row): Stakeholder => ({
  id: row.id,
  role: row.role as StakeholderRole,
  partyKind: row.party_kind as PartyKind,
  name: row.name,
  affiliation: row.affiliation,
  contact: row.contact,
  deputyName: row.deputy_name,
  deputyContact: row.deputy_contact,
  scopeKind: row.scope_kind as StakeholderScope,
  scopeId: row.scope_id,
  version: Number(row.version),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toColumns = (stakeholder: Stakeholder) => ({
  role: stakeholder.role,
  party_kind: stakeholder.partyKind,
  name: stakeholder.name,
  affiliation: stakeholder.affiliation,
  contact: stakeholder.contact,
  deputy_name: stakeholder.deputyName,
  deputy_contact: stakeholder.deputyContact,
  scope_kind: stakeholder.scopeKind,
  scope_id: stakeholder.scopeId,
  version: stakeholder.version,
  updated_at: stakeholder.updatedAt,
});

/** Adds a stakeholder to the organisation. */
export async function insertStakeholder(db: Db, organisationId: string, stakeholder: Stakeholder): Promise<void> {
  await db
    .insertInto('stakeholder')
    .values({
      id: stakeholder.id,
      organisation_id: organisationId,
      created_at: stakeholder.createdAt,
      ...toColumns(stakeholder),
    })
    .execute();
}

/** One stakeholder of the organisation, or undefined. */
export async function findStakeholder(db: Db, organisationId: string, id: string): Promise<Stakeholder | undefined> {
  const row = await db
    .selectFrom('stakeholder')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toStakeholder(row) : undefined;
}

/** The organisation's stakeholders (of one scope when given), by role then name. */
export async function listStakeholders(
  db: Db,
  organisationId: string,
  scope: { kind: StakeholderScope; id: string | null } | undefined,
): Promise<Stakeholder[]> {
  let query = db.selectFrom('stakeholder').selectAll().where('organisation_id', '=', organisationId);
  if (scope) {
    query = query.where('scope_kind', '=', scope.kind);
    query = scope.id === null ? query.where('scope_id', 'is', null) : query.where('scope_id', '=', scope.id);
  }
  const rows = await query.orderBy('role').orderBy('name').orderBy('id').execute();
  return rows.map(toStakeholder);
}

/** Writes `stakeholder` (already at its next version) only if the stored one is at `expectedVersion`. */
export async function updateStakeholder(
  db: Db,
  organisationId: string,
  stakeholder: Stakeholder,
  expectedVersion: number,
): Promise<boolean> {
  const result = await db
    .updateTable('stakeholder')
    .set(toColumns(stakeholder))
    .where('organisation_id', '=', organisationId)
    .where('id', '=', stakeholder.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes a stakeholder at `expectedVersion`; false when it moved on or is gone. */
export async function deleteStakeholder(
  db: Db,
  organisationId: string,
  id: string,
  expectedVersion: number,
): Promise<boolean> {
  const result = await db
    .deleteFrom('stakeholder')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
