import { sql, type Kysely } from 'kysely';
import {
  addDays,
  VALUE_FILTERS,
  type DeviceFilter,
  type SupportBounds,
  type ValueFilter,
} from '../../core/inventory/device-filter';
import type { DatabaseSchema } from '../database';
import { readFacetCounts } from './device-facets.repository';
import {
  allOf,
  filterConditions,
  NO_LOCATION,
  NO_OWNER,
  supportBucketExpression,
  VALUE_FILTER_COLUMNS,
} from './device-filter-sql';

type Db = Kysely<DatabaseSchema>;

/** A facet's values with their counts. */
export type FacetValueCounts = Array<{ value: string; count: number }>;

/**
 * Facet counts over the filtered devices, each facet counted under every filter but its own
 * (choosing a manufacturer still shows the other manufacturers and how many each has). The facets
 * nobody filters on share ONE pass over the filtered devices, counted here; only a facet with a
 * filter of its own needs a query of its own (users filter on one or two at a time).
 */
export async function countFilteredFacets(
  db: Db,
  organisationId: string,
  filter: DeviceFilter,
  bounds: SupportBounds,
): Promise<Record<ValueFilter | 'support', FacetValueCounts>> {
  const result = {} as Record<ValueFilter | 'support', FacetValueCounts>;
  const filteredOn = (facet: ValueFilter | 'support') => (filter[facet]?.length ?? 0) > 0;
  const shared = VALUE_FILTERS.filter((facet) => !filteredOn(facet));
  const sharedSupport = !filteredOn('support');
  if (shared.length > 0 || sharedSupport) {
    const rows = await db
      .selectFrom('device')
      .select([
        ...shared.map((facet) => sql<string>`${sql.ref(VALUE_FILTER_COLUMNS[facet])}`.as(facet)),
        supportBucketExpression(bounds).as('support'),
      ])
      .where(allOf(filterConditions(organisationId, filter, bounds)))
      .execute();
    const tallies = new Map<string, Map<string, number>>();
    const tally = (facet: string, value: string) => {
      const counts = tallies.get(facet) ?? new Map<string, number>();
      counts.set(value, (counts.get(value) ?? 0) + 1);
      tallies.set(facet, counts);
    };
    const facets: string[] = sharedSupport ? [...shared, 'support'] : [...shared];
    for (const row of rows as Array<Record<string, string>>) for (const facet of facets) tally(facet, row[facet] ?? '');
    for (const facet of facets) {
      const counts = [...(tallies.get(facet) ?? new Map<string, number>())];
      result[facet as ValueFilter | 'support'] = counts.map(([value, count]) => ({ value, count }));
    }
  }
  let stored: Awaited<ReturnType<typeof readFacetCounts>> | undefined;
  for (const facet of VALUE_FILTERS.filter(filteredOn)) {
    if (filterConditions(organisationId, filter, bounds, facet).length === 1) {
      // Its own filter is the only one: the counts kept beside the devices are the answer.
      stored ??= await readFacetCounts(db, organisationId);
      result[facet] = stored[facet];
      continue;
    }
    const column = sql.ref(VALUE_FILTER_COLUMNS[facet]);
    const rows = await db
      .selectFrom('device')
      .select([sql<string>`${column}`.as('value'), sql<number | string>`count(*)`.as('count')])
      .where(allOf(filterConditions(organisationId, filter, bounds, facet)))
      .groupBy(column)
      .execute();
    result[facet] = rows.map((row) => ({ value: row.value, count: Number(row.count) }));
  }
  if (!sharedSupport) {
    const bucket = supportBucketExpression(bounds);
    const rows = await db
      .selectFrom('device')
      .select([bucket.as('value'), sql<number | string>`count(*)`.as('count')])
      .where(allOf(filterConditions(organisationId, filter, bounds, 'support')))
      .groupBy(sql`1`)
      .execute();
    result.support = rows.map((row) => ({ value: row.value, count: Number(row.count) }));
  }
  return result;
}

/** Life-cycle counts of an organisation's devices (support windows cumulative from today). */
export interface LifecycleCounts {
  readonly supportEnded: number;
  readonly supportEnding3m: number;
  readonly supportEnding6m: number;
  readonly supportEnding12m: number;
  readonly firmwareOlderThan: number;
  readonly noOwner: number;
  readonly noLocation: number;
}

/** Counts the life-cycle figures in one pass over the organisation's devices. */
export async function countLifecycle(
  db: Db,
  organisationId: string,
  bounds: SupportBounds,
  firmwareOlderThanDays: number,
): Promise<LifecycleCounts> {
  const firmwareCutoff = addDays(bounds.today, -firmwareOlderThanDays);
  const when = (condition: ReturnType<typeof sql>) =>
    sql<number | string>`SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
  const row = await db
    .selectFrom('device')
    .select([
      when(sql`support_until < ${bounds.today}`).as('ended'),
      when(sql`support_until >= ${bounds.today} AND support_until < ${bounds.in3m}`).as('in3m'),
      when(sql`support_until >= ${bounds.today} AND support_until < ${bounds.in6m}`).as('in6m'),
      when(sql`support_until >= ${bounds.today} AND support_until < ${bounds.in12m}`).as('in12m'),
      when(sql`firmware_updated_on < ${firmwareCutoff}`).as('firmware'),
      when(NO_OWNER).as('no_owner'),
      when(NO_LOCATION).as('no_location'),
    ])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow();
  const count = (value: number | string | null) => Number(value ?? 0);
  return {
    supportEnded: count(row.ended),
    supportEnding3m: count(row.in3m),
    supportEnding6m: count(row.in6m),
    supportEnding12m: count(row.in12m),
    firmwareOlderThan: count(row.firmware),
    noOwner: count(row.no_owner),
    noLocation: count(row.no_location),
  };
}
