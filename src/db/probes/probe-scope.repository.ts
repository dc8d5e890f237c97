import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database';
import type { ProbeCredentialListTable, ProbeScopeTable } from './probe.table';

type Db = Kysely<DatabaseSchema>;

/** One scope of the organisation (archived ones too), or undefined. */
export function findProbeScope(db: Db, organisationId: string, id: string): Promise<ProbeScopeTable | undefined> {
  return db
    .selectFrom('probe_scope')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The scope with this name in the organisation (names are unique per organisation), or undefined. */
export function findProbeScopeByName(
  db: Db,
  organisationId: string,
  name: string,
): Promise<ProbeScopeTable | undefined> {
  return db
    .selectFrom('probe_scope')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('name', '=', name)
    .executeTakeFirst();
}

/** The organisation's scopes by name; archived ones only when asked. */
export function listProbeScopes(db: Db, organisationId: string, withArchived: boolean): Promise<ProbeScopeTable[]> {
  let query = db.selectFrom('probe_scope').selectAll().where('organisation_id', '=', organisationId);
  if (!withArchived) query = query.where('archived', '=', 0);
  return query.orderBy('name').execute();
}

export async function insertProbeScope(db: Db, row: ProbeScopeTable): Promise<void> {
  await db.insertInto('probe_scope').values(row).execute();
}

/** Writes a scope's new state when its version is still `version`; false when it was stale. */
export async function updateProbeScope(db: Db, row: ProbeScopeTable, version: number): Promise<boolean> {
  const { id, organisation_id, ...fields } = row;
  const result = await db
    .updateTable('probe_scope')
    .set(fields)
    .where('organisation_id', '=', organisation_id)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The organisation's credential lists, by name (sealed passwords included: services never return them). */
export function listProbeCredentialLists(db: Db, organisationId: string): Promise<ProbeCredentialListTable[]> {
  return db
    .selectFrom('probe_credential_list')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('name')
    .execute();
}

export async function insertProbeCredentialList(db: Db, row: ProbeCredentialListTable): Promise<void> {
  await db.insertInto('probe_credential_list').values(row).execute();
}

/** Deletes one list of the organisation; the deleted row, or undefined when there was none. */
export async function deleteProbeCredentialList(
  db: Db,
  organisationId: string,
  id: string,
): Promise<ProbeCredentialListTable | undefined> {
  return db
    .deleteFrom('probe_credential_list')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}
