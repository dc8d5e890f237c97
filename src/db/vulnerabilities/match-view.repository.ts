import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DatabaseSchema } from '../database';
import {
  allOf,
  applied,
  deviceMatches,
  EFFECTIVE_STATUS,
  filterConditions,
  IS_OPEN,
  kevRank,
  MODEL_MANUFACTURER,
  MODEL_NAME,
  severityRank,
  type MatchViewFilter,
} from './match-view-base';
import { TARGET_KEY_SEPARATOR } from './triage.repository';

// Pages of the device and model match views, read by keyset in SQL (see match-view-base.ts for
// the relation and the effective status). Each page reads `limit + 1` rows; the caller turns the
// extra one into "there is a next page".

type Db = Kysely<DatabaseSchema>;

/** The sort key of a device row: severity rank, KEV rank, tracking id, advisory id, asset tag, device id. */
export type DeviceMatchKey = readonly [number, number, string, string, string, number];

/** The sort key of a model row: severity rank, KEV rank, tracking id, advisory id, manufacturer, model. */
export type ModelMatchKey = readonly [number, number, string, string, string, string];

/** One device × advisory with the advisory facts and the triage that applies. */
export interface DeviceMatchRow {
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
  readonly confidence: 'exact' | 'name';
  readonly reason: string;
  readonly status: string;
  /** The applying triage's id and where it was recorded, or null/null when none applies. */
  readonly triageId: string | null;
  readonly triageLevel: 'model' | 'device' | null;
  readonly justification: string | null;
  readonly owner: string;
  readonly due: string | null;
  readonly triageVersion: number | null;
  readonly key: DeviceMatchKey;
}

const tuple = (values: readonly (string | number)[]) => sql.join(values.map((value) => sql`${value}`));

/**
 * Device × advisory rows in view order (most severe, KEV, tracking id, then asset tag) after
 * `after`, at most `limit` + 1 (all when no limit: only for bounded filters such as one device).
 */
export async function listDeviceMatchRows(
  db: Db,
  organisationId: string,
  input: { filter: MatchViewFilter; after?: DeviceMatchKey | undefined; limit?: number | undefined },
): Promise<DeviceMatchRow[]> {
  const conditions = filterConditions(organisationId, input.filter);
  if (input.after)
    conditions.push(
      sql<SqlBool>`(${severityRank('a')}, ${kevRank('a')}, a.tracking_id, a.id, v.asset_tag, v.id) > (${tuple(input.after)})`,
    );
  let query = deviceMatches(db, organisationId)
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
    ])
    .select([
      EFFECTIVE_STATUS.as('status'),
      severityRank('a').as('severity_rank'),
      kevRank('a').as('kev_rank'),
      sql<string | null>`coalesce(td.id, tm.id)`.as('triage_id'),
      sql<string | null>`case when td.id is not null then 'device' when tm.id is not null then 'model' end`.as(
        'triage_level',
      ),
      applied<string | null>('justification').as('justification'),
      applied<string | null>('owner').as('owner'),
      applied<string | null>('due').as('due'),
      applied<number | string | null>('version').as('triage_version'),
    ])
    .where(allOf(conditions))
    .orderBy(severityRank('a'))
    .orderBy(kevRank('a'))
    .orderBy('a.tracking_id')
    .orderBy('a.id')
    .orderBy('v.asset_tag')
    .orderBy('v.id');
  if (input.limit !== undefined) query = query.limit(input.limit + 1);
  const rows = await query.execute();
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
    confidence: row.confidence === 'name' ? 'name' : 'exact',
    reason: row.reason,
    status: row.status,
    triageId: row.triage_id,
    triageLevel: row.triage_level === 'device' ? 'device' : row.triage_level === 'model' ? 'model' : null,
    justification: row.justification,
    owner: row.owner ?? '',
    due: row.due,
    triageVersion: row.triage_version === null ? null : Number(row.triage_version),
    key: [
      Number(row.severity_rank),
      Number(row.kev_rank),
      row.tracking_id,
      row.advisory_id,
      row.asset_tag,
      Number(row.device_id),
    ],
  }));
}

/** One model (trimmed manufacturer + model) × advisory with its device count and the model's own triage. */
export interface ModelMatchRow {
  readonly manufacturer: string;
  readonly model: string;
  readonly devices: number;
  readonly byName: boolean;
  /** The reason of one of its matches (the smallest, so the same on every read). */
  readonly reason: string;
  readonly advisoryId: string;
  readonly source: string;
  readonly trackingId: string;
  readonly title: string;
  readonly cves: readonly string[];
  readonly severityLevel: string | null;
  readonly score: number | null;
  readonly kev: boolean;
  /** The model triage's status, or in_triage: device triage does not change a model row. */
  readonly status: string;
  readonly triageId: string | null;
  readonly justification: string | null;
  readonly owner: string;
  readonly due: string | null;
  readonly triageVersion: number | null;
  readonly key: ModelMatchKey;
}

/**
 * Model × advisory rows in view order (most severe, KEV, tracking id, manufacturer, model) after
 * `after`, at most `limit` + 1 (all when no limit). The database groups the devices; `status`
 * filters on the model's status.
 */
export async function listModelMatchRows(
  db: Db,
  organisationId: string,
  input: { filter: MatchViewFilter; after?: ModelMatchKey | undefined; limit?: number | undefined },
): Promise<ModelMatchRow[]> {
  const groups = deviceMatches(db, organisationId)
    .select([
      MODEL_MANUFACTURER.as('manufacturer'),
      MODEL_NAME.as('model'),
      'm.advisory_id as advisory_id',
      sql<number | string>`count(*)`.as('devices'),
      sql<number | string>`max(case when m.confidence = 'name' then 1 else 0 end)`.as('by_name'),
      sql<string>`min(m.reason)`.as('reason'),
    ])
    .where(allOf(filterConditions(organisationId, input.filter, { statusOnDevice: false })))
    .groupBy([MODEL_MANUFACTURER, MODEL_NAME, 'm.advisory_id'])
    .as('g');
  const status = sql<string>`coalesce(tm.status, 'in_triage')`;
  const conditions: Expression<SqlBool>[] = [];
  if (input.filter.status !== undefined) conditions.push(sql`${status} = ${input.filter.status}`);
  if (input.after)
    conditions.push(
      sql`(${severityRank('a')}, ${kevRank('a')}, a.tracking_id, a.id, g.manufacturer, g.model) > (${tuple(input.after)})`,
    );
  let query = db
    .selectFrom(groups)
    .innerJoin('advisory as a', 'a.id', 'g.advisory_id')
    .leftJoin('vulnerability_triage as tm', (join) =>
      join.on(
        sql<SqlBool>`tm.organisation_id = ${organisationId}
          and tm.source = a.source
          and tm.tracking_id = a.tracking_id
          and tm.target_key = 'model:' || g.manufacturer || ${TARGET_KEY_SEPARATOR} || g.model`,
      ),
    )
    .select([
      'g.manufacturer',
      'g.model',
      'g.devices',
      'g.by_name',
      'g.reason',
      'a.id as advisory_id',
      'a.source',
      'a.tracking_id',
      'a.title',
      'a.cves',
      'a.severity_level',
      'a.cvss_score',
      'a.kev_date_added',
      'tm.id as triage_id',
      'tm.justification',
      'tm.owner',
      'tm.due',
      'tm.version',
    ])
    .select([status.as('status'), severityRank('a').as('severity_rank'), kevRank('a').as('kev_rank')])
    .where(allOf(conditions))
    .orderBy(severityRank('a'))
    .orderBy(kevRank('a'))
    .orderBy('a.tracking_id')
    .orderBy('a.id')
    .orderBy('g.manufacturer')
    .orderBy('g.model');
  if (input.limit !== undefined) query = query.limit(input.limit + 1);
  const rows = await query.execute();
  return rows.map((row) => ({
    manufacturer: row.manufacturer,
    model: row.model,
    devices: Number(row.devices),
    byName: Number(row.by_name) === 1,
    reason: row.reason,
    advisoryId: row.advisory_id,
    source: row.source,
    trackingId: row.tracking_id,
    title: row.title,
    cves: JSON.parse(row.cves) as string[],
    severityLevel: row.severity_level,
    score: row.cvss_score === null ? null : Number(row.cvss_score),
    kev: row.kev_date_added !== null,
    status: row.status,
    triageId: row.triage_id,
    justification: row.justification,
    owner: row.owner ?? '',
    due: row.due,
    triageVersion: row.version === null ? null : Number(row.version),
    key: [
      Number(row.severity_rank),
      Number(row.kev_rank),
      row.tracking_id,
      row.advisory_id,
      row.manufacturer,
      row.model,
    ],
  }));
}

/**
 * The distinct firmware versions of the given model × advisory groups (at most a page of them),
 * keyed `advisoryId U+001F manufacturer U+001F model`, each list sorted.
 */
export async function listModelFirmware(
  db: Db,
  organisationId: string,
  groups: readonly { advisoryId: string; manufacturer: string; model: string }[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (groups.length === 0) return out;
  const rows = await deviceMatches(db, organisationId)
    .select([
      MODEL_MANUFACTURER.as('manufacturer'),
      MODEL_NAME.as('model'),
      'm.advisory_id as advisory_id',
      'v.firmware_version',
    ])
    .distinct()
    .where(
      allOf([
        sql`m.advisory_id in (${tuple([...new Set(groups.map((group) => group.advisoryId))])})`,
        sql`${MODEL_NAME} in (${tuple([...new Set(groups.map((group) => group.model))])})`,
      ]),
    )
    .execute();
  for (const row of rows) {
    const key = modelGroupKey(row.advisory_id, row.manufacturer, row.model);
    out.set(key, [...(out.get(key) ?? []), row.firmware_version]);
  }
  for (const list of out.values()) list.sort();
  return out;
}

/** The key of a model × advisory group in `listModelFirmware`'s answer. */
export const modelGroupKey = (advisoryId: string, manufacturer: string, model: string) =>
  [advisoryId, manufacturer, model].join(TARGET_KEY_SEPARATOR);

/** Counts of the organisation's device matches by effective status, severity and KEV. */
export interface MatchCountRow {
  readonly status: string;
  readonly severityLevel: string | null;
  readonly kev: boolean;
  readonly count: number;
}

/** Device matches counted by the database, grouped by effective status, severity level and KEV. */
export async function countMatches(
  db: Db,
  organisationId: string,
  filter: MatchViewFilter = {},
): Promise<MatchCountRow[]> {
  const kev = sql<number>`case when a.kev_date_added is null then 0 else 1 end`;
  const rows = await deviceMatches(db, organisationId)
    .select([EFFECTIVE_STATUS.as('status'), 'a.severity_level', kev.as('kev'), sql<number | string>`count(*)`.as('n')])
    .where(allOf(filterConditions(organisationId, filter)))
    .groupBy([EFFECTIVE_STATUS, 'a.severity_level', kev])
    .execute();
  return rows.map((row) => ({
    status: row.status,
    severityLevel: row.severity_level,
    kev: Number(row.kev) === 1,
    count: Number(row.n),
  }));
}

/** How many distinct devices have at least one open match (under the filter). */
export async function countDevicesWithOpenMatches(
  db: Db,
  organisationId: string,
  filter: MatchViewFilter = {},
): Promise<number> {
  const row = await deviceMatches(db, organisationId)
    .select(sql<number | string>`count(distinct d.device_id)`.as('n'))
    .where(allOf([...filterConditions(organisationId, filter), IS_OPEN]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
