import type { NotAffectedJustification, TriageStatus } from '../../../core/vulnerabilities/match.types';
import type { MatchReason } from '../../../core/vulnerabilities/match.types';
import { isOpenStatus, matchWhy, type MatchWhy } from '../../../core/vulnerabilities/match-why';
import type { Database } from '../../../db/database';
import { listDeviceAdvisoryRows, type DeviceAdvisoryRow } from '../../../db/vulnerabilities/triage-view.repository';
import { listOrganisationTriage, triageTargetKey } from '../../../db/vulnerabilities/triage.repository';
import type { VulnerabilityTriageTable } from '../../../db/vulnerabilities/triage.table';

/** A device match with the triage that applies to it (device triage over model triage). */
export interface TriagedMatch extends DeviceAdvisoryRow {
  readonly status: TriageStatus;
  readonly open: boolean;
  readonly why: MatchWhy;
  readonly triage: VulnerabilityTriageTable | null;
  readonly triageLevel: 'model' | 'device' | null;
}

const advisoryKey = (source: string, trackingId: string) => `${source}\u0000${trackingId}`;

/**
 * The organisation's device matches with their status: the device's own triage if recorded,
 * else its model's, else in_triage. Open = in_triage or exploitable.
 */
export async function loadTriagedMatches(
  database: Database,
  organisationId: string,
  filter: { deviceIds?: readonly number[]; advisoryId?: string; systemId?: string } = {},
): Promise<TriagedMatch[]> {
  const db = database.db;
  const [rows, triage] = await Promise.all([
    listDeviceAdvisoryRows(db, organisationId, filter),
    listOrganisationTriage(db, organisationId),
  ]);
  const byTarget = new Map<string, VulnerabilityTriageTable>();
  for (const row of triage) byTarget.set(`${advisoryKey(row.source, row.tracking_id)}\u0001${row.target_key}`, row);
  return rows.map((row) => {
    const key = advisoryKey(row.source, row.trackingId);
    const onDevice = byTarget.get(`${key}\u0001${triageTargetKey({ kind: 'device', deviceId: row.deviceId })}`);
    const onModel = byTarget.get(
      `${key}\u0001${triageTargetKey({ kind: 'model', manufacturer: row.manufacturer.trim(), model: row.model.trim() })}`,
    );
    const applied = onDevice ?? onModel ?? null;
    const status = (applied?.status ?? 'in_triage') as TriageStatus;
    return {
      ...row,
      status,
      open: isOpenStatus(status),
      why: matchWhy(JSON.parse(row.reason) as MatchReason),
      triage: applied,
      triageLevel: onDevice ? 'device' : onModel ? 'model' : null,
    };
  });
}

/** The justification of an applied triage, typed. */
export const justificationOf = (match: TriagedMatch) =>
  (match.triage?.justification ?? null) as NotAffectedJustification | null;

/** An offset cursor as an opaque string: the views are computed in memory for now (keyset paging in SQL is still to come). */
export function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const offset = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  return Number.isSafeInteger(offset) && offset >= 0 ? offset : 0;
}

export function page<T>(items: readonly T[], cursor: string | undefined, limit = 100) {
  const start = decodeCursor(cursor);
  const end = start + limit;
  return {
    items: items.slice(start, end),
    nextCursor: end < items.length ? Buffer.from(String(end), 'utf8').toString('base64url') : null,
  };
}
