import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database';

/** How many jobs of one kind are in one status. */
export interface JobCount {
  readonly kind: string;
  readonly status: string;
  readonly count: number;
}

/**
 * The queue across all organisations, grouped by kind and status (ended jobs are purged after
 * their retention, so the table stays small and this stays cheap to run on every scrape).
 */
export async function countJobsByKindAndStatus(db: Kysely<DatabaseSchema>): Promise<JobCount[]> {
  const rows = await db
    .selectFrom('job')
    .select(['kind', 'status', (eb) => eb.fn.countAll<number | string | bigint>().as('count')])
    .groupBy(['kind', 'status'])
    .orderBy('kind')
    .orderBy('status')
    .execute();
  return rows.map((row) => ({ kind: row.kind, status: row.status, count: Number(row.count) }));
}
