import type { Kysely } from 'kysely';
import type { TriageStatus } from '../../../core/vulnerabilities/match.types';
import { isOpenStatus } from '../../../core/vulnerabilities/match-why';
import type { DatabaseSchema } from '../../../db/database';
import { countMatches, type MatchCountRow } from '../../../db/vulnerabilities/match-view.repository';
import { upsertDailyCount } from '../../../db/vulnerabilities/triage-trend.repository';

// The trend chart's points are written when what they count changes — after a match run and
// after a triage change — never when the summary is read (a read must not write).

/** Open and KEV-open device matches from the database's counts. */
export function openCounts(counts: readonly MatchCountRow[]): { open: number; kev: number } {
  const open = counts.filter((row) => isOpenStatus(row.status as TriageStatus));
  return {
    open: open.reduce((sum, row) => sum + row.count, 0),
    kev: open.filter((row) => row.kev).reduce((sum, row) => sum + row.count, 0),
  };
}

/**
 * Records (or replaces) the organisation's point of the day `at` falls on (UTC): its open and
 * KEV-open matches as of now. Pass the transaction of the change so the point sees it.
 */
export async function recordVulnerabilityTrend(
  db: Kysely<DatabaseSchema>,
  organisationId: string,
  at: Date,
): Promise<void> {
  const counts = openCounts(await countMatches(db, organisationId));
  await upsertDailyCount(db, { organisation_id: organisationId, day: at.toISOString().slice(0, 10), ...counts });
}
