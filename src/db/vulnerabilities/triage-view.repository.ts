import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database';

// The last match run of an organisation (the views read matches through match-view.repository.ts).

type Db = Kysely<DatabaseSchema>;

/** When the organisation's last match run finished, or null before the first. */
export async function findLastMatchedAt(db: Db, organisationId: string): Promise<string | null> {
  const row = await db
    .selectFrom('vulnerability_match_run')
    .select((eb) => eb.fn.max('finished_at').as('at'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return (row?.at as string | null | undefined) ?? null;
}
