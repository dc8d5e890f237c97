import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DatabaseSchema } from '../database';
import { allOf, deviceMatches, EFFECTIVE_STATUS, IS_OPEN, kevRank, severityRank } from './match-view-base';
import { TARGET_KEY_SEPARATOR } from './triage.repository';

// The advisory list: the database counts each advisory's affected devices, models and still-open
// devices (effective status, see match-view-base.ts) and pages the list by keyset.

type Db = Kysely<DatabaseSchema>;

/** The sort key of an advisory row: severity rank, KEV rank, minus open devices, tracking id, id. */
export type AdvisoryKey = readonly [number, number, number, string, string];

/** One advisory with its counts for the organisation. */
export interface AdvisoryAggregateRow {
  readonly id: string;
  readonly source: string;
  readonly trackingId: string;
  readonly title: string;
  readonly language: string;
  readonly cves: readonly string[];
  readonly severityLevel: string | null;
  readonly score: number | null;
  readonly kev: boolean;
  readonly published: string | null;
  readonly affectedDevices: number;
  readonly affectedModels: number;
  readonly openDevices: number;
  readonly key: AdvisoryKey;
}

/** Filters of the advisory list. */
export interface AdvisoryViewFilter {
  /** Words of the tracking id, a CVE id or the title (case-insensitive substring). */
  readonly q?: string | undefined;
  readonly severity?: string | undefined;
  readonly kev?: boolean | undefined;
  /** Only advisories with at least one device in this effective status. */
  readonly status?: string | undefined;
  /** Every visible advisory, matched or not (else only those matching a device). */
  readonly all?: boolean | undefined;
}

/**
 * Advisories of the organisation in list order (most severe, KEV, most open devices, tracking id)
 * after `after`, at most `limit` + 1.
 */
export async function listAdvisoryAggregates(
  db: Db,
  organisationId: string,
  input: { filter: AdvisoryViewFilter; after?: AdvisoryKey | undefined; limit: number },
): Promise<AdvisoryAggregateRow[]> {
  const { filter } = input;
  const counts = deviceMatches(db, organisationId)
    .select([
      'm.advisory_id as advisory_id',
      sql<number | string>`count(*)`.as('affected'),
      sql<number | string>`count(distinct trim(v.manufacturer) || ${TARGET_KEY_SEPARATOR} || trim(v.model))`.as(
        'models',
      ),
      sql<number | string>`sum(case when ${IS_OPEN} then 1 else 0 end)`.as('open'),
      sql<number | string>`sum(case when ${EFFECTIVE_STATUS} = ${filter.status ?? ''} then 1 else 0 end)`.as(
        'in_status',
      ),
    ])
    .groupBy('m.advisory_id')
    .as('c');
  const open = sql<number>`coalesce(c.open, 0)`;
  const conditions: Expression<SqlBool>[] = [sql`a.scope_key in ('*', ${organisationId})`, sql`not a.withdrawn`];
  if (filter.all !== true || filter.status !== undefined) conditions.push(sql`c.advisory_id is not null`);
  if (filter.status !== undefined) conditions.push(sql`c.in_status > 0`);
  if (filter.q) {
    const words = `%${filter.q
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      sql`(lower(a.tracking_id) like ${words} escape '\\'
        or lower(a.title) like ${words} escape '\\'
        or lower(a.cves) like ${words} escape '\\')`,
    );
  }
  if (filter.severity === 'unknown') conditions.push(sql`a.severity_level is null`);
  else if (filter.severity !== undefined) conditions.push(sql`a.severity_level = ${filter.severity}`);
  if (filter.kev !== undefined)
    conditions.push(filter.kev ? sql`a.kev_date_added is not null` : sql`a.kev_date_added is null`);
  if (input.after) {
    const [severity, kev, negativeOpen, trackingId, id] = input.after;
    conditions.push(
      sql`(${severityRank('a')}, ${kevRank('a')}, -${open}, a.tracking_id, a.id)
        > (${severity}, ${kev}, ${negativeOpen}, ${trackingId}, ${id})`,
    );
  }
  const rows = await db
    .selectFrom('advisory as a')
    .leftJoin(counts, 'c.advisory_id', 'a.id')
    .select([
      'a.id',
      'a.source',
      'a.tracking_id',
      'a.title',
      'a.language',
      'a.cves',
      'a.severity_level',
      'a.cvss_score',
      'a.kev_date_added',
      'a.published',
      'c.affected',
      'c.models',
    ])
    .select([open.as('open'), severityRank('a').as('severity_rank'), kevRank('a').as('kev_rank')])
    .where(allOf(conditions))
    .orderBy(severityRank('a'))
    .orderBy(kevRank('a'))
    .orderBy(sql`-${open}`)
    .orderBy('a.tracking_id')
    .orderBy('a.id')
    .limit(input.limit + 1)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    source: row.source,
    trackingId: row.tracking_id,
    title: row.title,
    language: row.language,
    cves: JSON.parse(row.cves) as string[],
    severityLevel: row.severity_level,
    score: row.cvss_score === null ? null : Number(row.cvss_score),
    kev: row.kev_date_added !== null,
    published: row.published,
    affectedDevices: Number(row.affected ?? 0),
    affectedModels: Number(row.models ?? 0),
    openDevices: Number(row.open),
    key: [Number(row.severity_rank), Number(row.kev_rank), -Number(row.open), row.tracking_id, row.id],
  }));
}

/** The ids of the advisories with this tracking id the organisation can see (any source), at most 5. */
export async function findVisibleAdvisoryIdsByTrackingId(
  db: Db,
  organisationId: string,
  trackingId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('advisory')
    .select('id')
    .where('tracking_id', '=', trackingId)
    .where('scope_key', 'in', ['*', organisationId])
    .orderBy('id')
    .limit(5)
    .execute();
  return rows.map((row) => row.id);
}
