import type { TriageStatus } from '../../../core/vulnerabilities/match.types';
import { isOpenStatus } from '../../../core/vulnerabilities/match-why';
import type { Database } from '../../../db/database';
import type { MatchViewFilter } from '../../../db/vulnerabilities/match-view-base';
import { listDeviceMatchRows, type DeviceMatchRow } from '../../../db/vulnerabilities/match-view.repository';

/** A device match with its effective status (computed by the database, see match-view-base.ts). */
export interface TriagedMatch extends DeviceMatchRow {
  readonly status: TriageStatus;
  readonly open: boolean;
}

/**
 * Every device match under a BOUNDED filter (one system's devices, some devices, one advisory) in
 * view order, with its effective status. Lists over a whole organisation page with listMatches.
 */
export async function loadTriagedMatches(
  database: Database,
  organisationId: string,
  filter: Pick<MatchViewFilter, 'deviceIds' | 'advisoryId' | 'systemId'>,
): Promise<TriagedMatch[]> {
  const rows = await listDeviceMatchRows(database.db, organisationId, { filter });
  return rows.map((row) => ({
    ...row,
    status: row.status as TriageStatus,
    open: isOpenStatus(row.status as TriageStatus),
  }));
}
