import type { Actor } from '../../../core/auth/actor';
import type { VulnerabilitySummaryView } from '../../../contracts/vulnerabilities/summary.schema';
import { TRIAGE_STATUSES } from '../../../core/vulnerabilities/match.types';
import { countPendingConfirmations } from '../../../db/vulnerabilities/confirmation.repository';
import { listDailyCounts, upsertDailyCount } from '../../../db/vulnerabilities/triage-trend.repository';
import { findLastMatchedAt } from '../../../db/vulnerabilities/triage-view.repository';
import type { VulnerabilityDeps } from '../vulnerability-deps';
import { requireVulnerabilityReader } from './list-matches';
import { loadTriagedMatches, type TriagedMatch } from './triaged-matches';

const TREND_DAYS = 180;

/** Open and KEV-open device matches. */
export function openCounts(matches: readonly TriagedMatch[]): { open: number; kev: number } {
  const open = matches.filter((match) => match.open);
  return { open: open.length, kev: open.filter((match) => match.kev).length };
}

/**
 * The organisation's vulnerability summary: open matches (device × advisory), open KEV matches,
 * affected devices, open matches by severity, all matches by status, the last match run, the
 * pending confirmations and the daily trend. Today's point is recorded as it is read.
 */
export async function getVulnerabilitySummary(
  deps: VulnerabilityDeps,
  input: { readonly actor: Actor },
): Promise<VulnerabilitySummaryView> {
  const { organisationId } = requireVulnerabilityReader(input.actor);
  const db = deps.database.db;
  const matches = await loadTriagedMatches(deps.database, organisationId);
  const open = matches.filter((match) => match.open);
  const bySeverity = { critical: 0, high: 0, medium: 0, low: 0, none: 0, unknown: 0 };
  for (const match of open) bySeverity[(match.severityLevel ?? 'unknown') as keyof typeof bySeverity] += 1;
  const byStatus = Object.fromEntries(TRIAGE_STATUSES.map((status) => [status, 0])) as Record<
    (typeof TRIAGE_STATUSES)[number],
    number
  >;
  for (const match of matches) byStatus[match.status] += 1;
  const today = deps.clock().toISOString().slice(0, 10);
  const counts = openCounts(matches);
  await upsertDailyCount(db, { organisation_id: organisationId, day: today, ...counts });
  const trend = await listDailyCounts(db, organisationId, TREND_DAYS);
  return {
    openMatches: counts.open,
    openKev: counts.kev,
    affectedDevices: new Set(open.map((match) => match.deviceId)).size,
    bySeverity,
    byStatus,
    lastMatchedAt: await findLastMatchedAt(db, organisationId),
    pendingConfirmations: await countPendingConfirmations(db, organisationId),
    trend: trend.map((row) => ({ date: row.day, open: row.open, kev: row.kev })),
  };
}
