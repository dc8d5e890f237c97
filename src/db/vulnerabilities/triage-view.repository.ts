import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from '../database';

// Matches expanded to devices in service, with the advisory facts the screens show. Triage is
// applied by the caller (services/vulnerabilities/views), so every view counts it the same way.

type Db = Kysely<DatabaseSchema>;

/** One device × advisory match as stored by the last match run. */
export interface DeviceAdvisoryRow {
  readonly deviceId: string;
  readonly assetTag: string;
  readonly deviceName: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly firmwareVersion: string;
  readonly advisoryId: string;
  readonly source: string;
  readonly trackingId: string;
  readonly title: string;
  readonly cves: readonly string[];
  readonly severityLevel: string | null;
  readonly score: number | null;
  readonly kev: boolean;
  readonly published: string | null;
  readonly confidence: 'exact' | 'name';
  readonly reason: string;
}

/**
 * The organisation's device matches (devices neither retired nor disposed, advisories not
 * withdrawn), optionally only of some devices or one advisory, ordered by device then advisory.
 */
export async function listDeviceAdvisoryRows(
  db: Db,
  organisationId: string,
  filter: { deviceIds?: readonly number[]; advisoryId?: string; systemId?: string } = {},
): Promise<DeviceAdvisoryRow[]> {
  let query = db
    .selectFrom('vulnerability_device_identity as d')
    .innerJoin('vulnerability_match as m', (join) =>
      join.onRef('m.organisation_id', '=', 'd.organisation_id').onRef('m.identity_key', '=', 'd.identity_key'),
    )
    .innerJoin('advisory as a', 'a.id', 'm.advisory_id')
    .innerJoin('device as v', 'v.id', 'd.device_id')
    .where('d.organisation_id', '=', organisationId)
    .where('v.organisation_id', '=', organisationId)
    .where('v.status', 'not in', ['retired', 'disposed'])
    .where(sql<boolean>`not a.withdrawn`)
    .select([
      'd.device_id',
      'v.asset_tag',
      'v.name',
      'v.manufacturer',
      'v.model',
      'v.firmware_version',
      'm.advisory_id',
      'm.confidence',
      'm.reason',
      'a.source',
      'a.tracking_id',
      'a.title',
      'a.cves',
      'a.severity_level',
      'a.cvss_score',
      'a.kev_date_added',
      'a.published',
    ]);
  if (filter.deviceIds)
    query = query.where('d.device_id', 'in', filter.deviceIds.length > 0 ? [...filter.deviceIds] : [-1]);
  if (filter.advisoryId !== undefined) query = query.where('m.advisory_id', '=', filter.advisoryId);
  if (filter.systemId !== undefined)
    query = query.where('d.device_id', 'in', (eb) =>
      eb
        .selectFrom('device_system')
        .select('device_system.device_id')
        .where('device_system.organisation_id', '=', organisationId)
        .where('device_system.system_id', '=', filter.systemId!),
    );
  const rows = await query.orderBy('d.device_id').orderBy('a.tracking_id').execute();
  return rows.map((row) => ({
    deviceId: String(row.device_id),
    assetTag: row.asset_tag,
    deviceName: row.name,
    manufacturer: row.manufacturer,
    model: row.model,
    firmwareVersion: row.firmware_version,
    advisoryId: row.advisory_id,
    source: row.source,
    trackingId: row.tracking_id,
    title: row.title,
    cves: JSON.parse(row.cves) as string[],
    severityLevel: row.severity_level,
    score: row.cvss_score === null ? null : Number(row.cvss_score),
    kev: row.kev_date_added !== null,
    published: row.published,
    confidence: row.confidence === 'name' ? 'name' : 'exact',
    reason: row.reason,
  }));
}

/** When the organisation's last match run finished, or null before the first. */
export async function findLastMatchedAt(db: Db, organisationId: string): Promise<string | null> {
  const row = await db
    .selectFrom('vulnerability_match_run')
    .select((eb) => eb.fn.max('finished_at').as('at'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return (row?.at as string | null | undefined) ?? null;
}
