import type { Actor } from '../../../core/auth/actor';
import type { VulnerabilitySummaryView } from '../../../contracts/vulnerabilities/summary.schema';
import { TRIAGE_STATUSES, type TriageStatus } from '../../../core/vulnerabilities/match.types';
import { isOpenStatus } from '../../../core/vulnerabilities/match-why';
import { countPendingConfirmations } from '../../../db/vulnerabilities/confirmation.repository';
import { countDevicesWithOpenMatches, countMatches } from '../../../db/vulnerabilities/match-view.repository';
import { listDailyCounts } from '../../../db/vulnerabilities/triage-trend.repository';
import { findLastMatchedAt } from '../../../db/vulnerabilities/triage-view.repository';
import { openCounts } from '../trend/record-trend';
import type { VulnerabilityDeps } from '../vulnerability-deps';
import { requireVulnerabilityReader } from './list-matches';

const TREND_DAYS = 180;

/**
 * The organisation's vulnerability summary: open matches (device × advisory), open KEV matches,
 * affected devices, open matches by severity, all matches by status (effective status), the last
 * match run, the pending confirmations and the daily trend. Only reads: the trend's points are
 * recorded after match runs and triage changes (trend/record-trend.ts).
 */
export async function getVulnerabilitySummary(
  deps: VulnerabilityDeps,
  input: { readonly actor: Actor },
): Promise<VulnerabilitySummaryView> {
  const { organisationId } = requireVulnerabilityReader(input.actor);
  const db = deps.database.db;
  const counts = await countMatches(db, organisationId);
  const bySeverity = { critical: 0, high: 0, medium: 0, low: 0, none: 0, unknown: 0 };
  const byStatus = Object.fromEntries(TRIAGE_STATUSES.map((status) => [status, 0])) as Record<TriageStatus, number>;
  for (const row of counts) {
    if (row.status in byStatus) byStatus[row.status as TriageStatus] += row.count;
    if (isOpenStatus(row.status as TriageStatus))
      bySeverity[(row.severityLevel ?? 'unknown') as keyof typeof bySeverity] += row.count;
  }
  const { open, kev } = openCounts(counts);
  const trend = await listDailyCounts(db, organisationId, TREND_DAYS);
  return {
    openMatches: open,
    openKev: kev,
    affectedDevices: await countDevicesWithOpenMatches(db, organisationId),
    bySeverity,
    byStatus,
    lastMatchedAt: await findLastMatchedAt(db, organisationId),
    pendingConfirmations: await countPendingConfirmations(db, organisationId),
    trend: trend.map((row) => ({ date: row.day, open: row.open, kev: row.kev })),
  };
}
