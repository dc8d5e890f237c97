import { sql, type Kysely } from 'kysely';
import {
  addDays,
  VALUE_FILTERS,
  type DeviceFilter,
  type SupportBounds,
  type ValueFilter,
} from '../../core/inventory/device-filter';
import type { DatabaseSchema } from '../database';
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
 * (choosing a manufacturer still shows the other manufacturers and how many each has).
 */
export async function countFilteredFacets(
  db: Db,
  organisationId: string,
  filter: DeviceFilter,
  bounds: SupportBounds,
): Promise<Record<ValueFilter | 'support', FacetValueCounts>> {
  const result = {} as Record<ValueFilter | 'support', FacetValueCounts>;
  for (const facet of VALUE_FILTERS) {
    const column = sql.ref(VALUE_FILTER_COLUMNS[facet]);
    const rows = await db
      .selectFrom('device')
      .select([sql<string>`${column}`.as('value'), sql<number | string>`count(*)`.as('count')])
      .where(allOf(filterConditions(organisationId, filter, bounds, facet)))
      .groupBy(column)
      .execute();
    result[facet] = rows.map((row) => ({ value: row.value, count: Number(row.count) }));
  }
  const bucket = supportBucketExpression(bounds);
  const rows = await db
    .selectFrom('device')
    .select([bucket.as('value'), sql<number | string>`count(*)`.as('count')])
    .where(allOf(filterConditions(organisationId, filter, bounds, 'support')))
    .groupBy(sql`1`)
    .execute();
  result.support = rows.map((row) => ({ value: row.value, count: Number(row.count) }));
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
