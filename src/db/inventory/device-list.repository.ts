import { sql, type Kysely } from 'kysely';
import type { DeviceFilter, DeviceSort, SortDirection, SupportBounds } from '../../core/inventory/device-filter';
import type { DatabaseSchema } from '../database';
import type { DeviceTable } from './inventory.table';
import { allOf, filterConditions } from './device-filter-sql';
import type { DeviceCursor } from './device-cursor';

// Pages of an organisation's devices in a stable order, read by keyset (the last row's sort
// value and id), never by OFFSET: page 20,000 costs what page 1 costs.

type Db = Kysely<DatabaseSchema>;

/**
 * The SQL each order sorts by. Name and model sort case-insensitively on their indexed lower()
 * expressions; a missing support day sorts as '' (first ascending) so every value is comparable.
 */
export const SORT_EXPRESSIONS: Readonly<Record<DeviceSort, string>> = {
  assetTag: 'asset_tag',
  name: 'lower(name)',
  manufacturer: 'manufacturer',
  model: 'lower(model)',
  firmwareVersion: 'firmware_version',
  site: 'site',
  status: 'status',
  supportUntil: "COALESCE(support_until, '')",
  updatedAt: 'updated_at',
};

/** One page of device rows (with the sort value each was ordered by) and whether more follow. */
export interface DeviceRowPage {
  readonly rows: readonly (DeviceTable & { sort_value: string })[];
  readonly hasMore: boolean;
}

/** Reads up to `limit` rows after `cursor` in the given order. */
export async function listDeviceRows(
  db: Db,
  input: {
    organisationId: string;
    filter: DeviceFilter;
    bounds: SupportBounds;
    sort: DeviceSort;
    dir: SortDirection;
    limit: number;
    after?: DeviceCursor | undefined;
  },
): Promise<DeviceRowPage> {
  const expression = sql.raw(SORT_EXPRESSIONS[input.sort]);
  const conditions = filterConditions(input.organisationId, input.filter, input.bounds);
  if (input.after) {
    const { value, id } = input.after;
    conditions.push(
      input.dir === 'asc' ? sql`(${expression}, id) > (${value}, ${id})` : sql`(${expression}, id) < (${value}, ${id})`,
    );
  }
  const direction = sql.raw(input.dir === 'asc' ? 'ASC' : 'DESC');
  const rows = await db
    .selectFrom('device')
    .selectAll()
    .select(sql<string>`${expression}`.as('sort_value'))
    .where(allOf(conditions))
    .orderBy(sql`${expression} ${direction}`)
    .orderBy(sql`id ${direction}`)
    .limit(input.limit + 1)
    .execute();
  return { rows: rows.slice(0, input.limit), hasMore: rows.length > input.limit };
}

/** How many devices match the filter. */
export async function countDevices(
  db: Db,
  organisationId: string,
  filter: DeviceFilter,
  bounds: SupportBounds,
): Promise<number> {
  const row = await db
    .selectFrom('device')
    .select(sql<number | string>`count(*)`.as('count'))
    .where(allOf(filterConditions(organisationId, filter, bounds)))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The ids of the systems each of `deviceIds` belongs to. */
export async function systemIdsOfDevices(
  db: Db,
  organisationId: string,
  deviceIds: readonly number[],
): Promise<Map<number, string[]>> {
  const byDevice = new Map<number, string[]>(deviceIds.map((id) => [id, []]));
  if (deviceIds.length === 0) return byDevice;
  const rows = await db
    .selectFrom('device_system')
    .select(['device_id', 'system_id'])
    .where('organisation_id', '=', organisationId)
    .where('device_id', 'in', [...deviceIds])
    .orderBy('system_id')
    .execute();
  for (const row of rows) byDevice.get(Number(row.device_id))?.push(row.system_id);
  return byDevice;
}
