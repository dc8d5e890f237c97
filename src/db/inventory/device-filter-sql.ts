import { sql, type RawBuilder, type SqlBool } from 'kysely';
import {
  addDays,
  foldAsciiCase,
  prefixUpperBound,
  VALUE_FILTERS,
  type DeviceFilter,
  type SupportBounds,
  type SupportBucket,
  type ValueFilter,
} from '../../core/inventory/device-filter';

// A device filter as SQL conditions over `device`. The free-text search is an OR of prefix ranges,
// each on an indexed expression of DEVICE_INDEXES and each repeating the tenant, so SQLite (a
// multi-index OR) and PostgreSQL (a bitmap OR) answer it from the indexes on a million rows.

type Condition = RawBuilder<SqlBool>;

/** Filter key → the device column it compares. */
export const VALUE_FILTER_COLUMNS: Readonly<Record<ValueFilter, string>> = {
  deviceClass: 'device_class',
  manufacturer: 'manufacturer',
  model: 'model',
  firmwareVersion: 'firmware_version',
  site: 'site',
  status: 'status',
};

const upperAscii = (text: string) => text.replace(/[a-z]/g, (letter) => letter.toUpperCase());

function prefixRange(organisationId: string, expression: string, prefix: string): Condition {
  const column = sql.raw(expression);
  return sql<SqlBool>`(organisation_id = ${organisationId} AND ${column} >= ${prefix} AND ${column} < ${prefixUpperBound(prefix)})`;
}

/**
 * Case-insensitive prefix search over asset tag, name, model, serial number, IP and MAC address.
 * The asset tag index is on the text as written, so the prefix is tried as typed, upper- and
 * lower-cased; the other columns are indexed lower-cased (ASCII, as `lower()` folds).
 */
export function searchCondition(organisationId: string, q: string): Condition | undefined {
  const text = q.trim();
  if (text === '') return undefined;
  const folded = foldAsciiCase(text);
  const ranges = [...new Set([text, upperAscii(text), folded])].map((variant) =>
    prefixRange(organisationId, 'asset_tag', variant),
  );
  ranges.push(prefixRange(organisationId, 'lower(name)', folded));
  ranges.push(prefixRange(organisationId, 'lower(model)', folded));
  ranges.push(prefixRange(organisationId, 'lower(serial_number)', folded));
  if (/^[0-9a-f:.]+$/.test(folded)) ranges.push(prefixRange(organisationId, 'ip_addresses', folded));
  const mac = folded.replace(/-/g, ':');
  if (/^[0-9a-f:]+$/.test(mac)) ranges.push(prefixRange(organisationId, 'mac_addresses', mac));
  return sql<SqlBool>`(${sql.join(ranges, sql` OR `)})`;
}

/** The condition of one support bucket on `support_until`. */
export function supportCondition(bucket: SupportBucket, bounds: SupportBounds): Condition {
  switch (bucket) {
    case 'unknown':
      return sql<SqlBool>`support_until IS NULL`;
    case 'ended':
      return sql<SqlBool>`support_until < ${bounds.today}`;
    case '3m':
      return sql<SqlBool>`(support_until >= ${bounds.today} AND support_until < ${bounds.in3m})`;
    case '6m':
      return sql<SqlBool>`(support_until >= ${bounds.in3m} AND support_until < ${bounds.in6m})`;
    case '12m':
      return sql<SqlBool>`(support_until >= ${bounds.in6m} AND support_until < ${bounds.in12m})`;
    case 'later':
      return sql<SqlBool>`support_until >= ${bounds.in12m}`;
  }
}

/** The bucket of a row as a SQL expression (filtered support facet). */
export function supportBucketExpression(bounds: SupportBounds): RawBuilder<string> {
  return sql<string>`CASE WHEN support_until IS NULL THEN 'unknown'
    WHEN support_until < ${bounds.today} THEN 'ended'
    WHEN support_until < ${bounds.in3m} THEN '3m'
    WHEN support_until < ${bounds.in6m} THEN '6m'
    WHEN support_until < ${bounds.in12m} THEN '12m'
    ELSE 'later' END`;
}

/** No owner recorded. */
export const NO_OWNER = sql<SqlBool>`owner = ''`;
/** No place recorded: neither site, building nor room, and no coordinates. */
export const NO_LOCATION = sql<SqlBool>`(site = '' AND building = '' AND room = '' AND latitude IS NULL)`;

/** Firmware last updated more than `days` days before today (devices with no update day are not counted). */
export function firmwareOlderThan(days: number, bounds: SupportBounds): Condition {
  return sql<SqlBool>`firmware_updated_on < ${addDays(bounds.today, -days)}`;
}

/**
 * Every condition of `filter` for one organisation (the tenant first). `omit` leaves one facet's
 * own values out, so a facet counts its values under the other filters.
 */
export function filterConditions(
  organisationId: string,
  filter: DeviceFilter,
  bounds: SupportBounds,
  omit?: ValueFilter | 'support',
): Condition[] {
  const conditions: Condition[] = [sql<SqlBool>`organisation_id = ${organisationId}`];
  for (const key of VALUE_FILTERS) {
    const values = filter[key];
    if (key === omit || !values || values.length === 0) continue;
    conditions.push(sql<SqlBool>`${sql.ref(VALUE_FILTER_COLUMNS[key])} IN (${sql.join([...values])})`);
  }
  if (omit !== 'support' && filter.support && filter.support.length > 0) {
    conditions.push(
      sql<SqlBool>`(${sql.join(
        filter.support.map((bucket) => supportCondition(bucket, bounds)),
        sql` OR `,
      )})`,
    );
  }
  if (filter.systemId && filter.systemId.length > 0) {
    conditions.push(sql<SqlBool>`id IN (SELECT device_id FROM device_system
      WHERE organisation_id = ${organisationId} AND system_id IN (${sql.join([...filter.systemId])}))`);
  }
  if (filter.noOwner) conditions.push(NO_OWNER);
  if (filter.noLocation) conditions.push(NO_LOCATION);
  if (filter.firmwareOlderThanDays !== undefined)
    conditions.push(firmwareOlderThan(filter.firmwareOlderThanDays, bounds));
  const search = filter.q === undefined ? undefined : searchCondition(organisationId, filter.q);
  if (search) conditions.push(search);
  return conditions;
}

/** The conditions joined with AND. */
export function allOf(conditions: readonly Condition[]): Condition {
  return sql<SqlBool>`${sql.join([...conditions], sql` AND `)}`;
}
