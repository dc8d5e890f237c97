import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database';
import type { VulnerabilityDailyCountTable } from './triage.table';

// Open and KEV-open matches per organisation and day: the points of the trend chart.

type Db = Kysely<DatabaseSchema>;

/** Records (or replaces) the day's counts. */
export async function upsertDailyCount(db: Db, row: VulnerabilityDailyCountTable): Promise<void> {
  await db
    .insertInto('vulnerability_daily_count')
    .values(row)
    .onConflict((conflict) =>
      conflict.columns(['organisation_id', 'day']).doUpdateSet({ open: row.open, kev: row.kev }),
    )
    .execute();
}

/** The last `days` recorded days, oldest first. */
export async function listDailyCounts(
  db: Db,
  organisationId: string,
  days: number,
): Promise<VulnerabilityDailyCountTable[]> {
  const rows = await db
    .selectFrom('vulnerability_daily_count')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('day', 'desc')
    .limit(days)
    .execute();
  return rows.reverse().map((row) => ({ ...row, open: Number(row.open), kev: Number(row.kev) }));
}
