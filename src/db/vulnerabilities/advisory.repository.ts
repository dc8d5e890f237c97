import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from '../database';
import type { AdvisoryTable } from './advisory.table';
import type { AdvisoryUnparsedTermTable } from './confirmation.table';

// Advisory rows (issue 13): the installation's feeds (scope_key '*') and organisations' uploads.

type Db = Kysely<DatabaseSchema>;

/** The scope key of an advisory: '*' for the installation, else the uploading organisation's id. */
export const INSTALLATION_SCOPE = '*';

/** The stored advisory with the same identity (scope, source, tracking id), if any. */
export async function findAdvisoryByKey(
  db: Db,
  key: { scopeKey: string; source: string; trackingId: string },
): Promise<Pick<AdvisoryTable, 'id' | 'content_hash' | 'withdrawn'> | undefined> {
  return db
    .selectFrom('advisory')
    .select(['id', 'content_hash', 'withdrawn'])
    .where('scope_key', '=', key.scopeKey)
    .where('source', '=', key.source)
    .where('tracking_id', '=', key.trackingId)
    .executeTakeFirst();
}

/** Takes the next advisory revision from the counter (inside the caller's transaction). */
export async function nextAdvisoryRevision(db: Db): Promise<number> {
  const row = await db
    .updateTable('advisory_revision_counter')
    .set({ revision: sql`revision + 1` })
    .where('id', '=', 1)
    .returning('revision')
    .executeTakeFirstOrThrow();
  return Number(row.revision);
}

export async function insertAdvisory(db: Db, row: AdvisoryTable): Promise<void> {
  await db.insertInto('advisory').values(row).execute();
}

/** Replaces an advisory's content (same id, so triage and matches keyed to it stay). */
export async function updateAdvisory(
  db: Db,
  id: string,
  row: Omit<AdvisoryTable, 'id' | 'organisation_id' | 'scope_key' | 'source' | 'tracking_id'>,
): Promise<void> {
  await db.updateTable('advisory').set(row).where('id', '=', id).execute();
}

/** Gives the advisory a new revision so the next match run reads it again (a confirmation changed). */
export async function touchAdvisoryRevision(db: Db, id: string): Promise<void> {
  const revision = await nextAdvisoryRevision(db);
  await db.updateTable('advisory').set({ revision }).where('id', '=', id).execute();
}

/** Replaces the unparsed version texts of an advisory. */
export async function replaceUnparsedTerms(
  db: Db,
  advisoryId: string,
  terms: readonly AdvisoryUnparsedTermTable[],
): Promise<void> {
  await db.deleteFrom('advisory_unparsed_term').where('advisory_id', '=', advisoryId).execute();
  if (terms.length > 0)
    await db
      .insertInto('advisory_unparsed_term')
      .values([...terms])
      .execute();
}

/** An advisory the organisation can see (installation-wide or its own upload), or undefined. */
export async function findVisibleAdvisory(
  db: Db,
  organisationId: string,
  id: string,
): Promise<AdvisoryTable | undefined> {
  return db
    .selectFrom('advisory')
    .selectAll()
    .where('id', '=', id)
    .where('scope_key', 'in', [INSTALLATION_SCOPE, organisationId])
    .executeTakeFirst();
}
