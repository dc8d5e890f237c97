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
  const keyset = input.after ? [afterCursor(expression, input.dir, input.after)] : [];
  if (INDEXED_SORTS.has(input.sort) && conditions.length > 1) {
    const windowed = await readOrderedWindow(db, input, expression, conditions, keyset);
    if (windowed) return windowed;
  }
  conditions.push(...keyset);
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

type Condition = ReturnType<typeof filterConditions>[number];

/** Orders an index serves directly (DEVICE_INDEXES), so walking them in order costs only the rows walked. */
const INDEXED_SORTS: ReadonlySet<DeviceSort> = new Set(['assetTag', 'name', 'manufacturer', 'model', 'supportUntil']);

/** How many rows in sort order a filtered page looks at before leaving the plan to the database. */
const WINDOW = 4000;

function afterCursor(expression: ReturnType<typeof sql.raw>, dir: SortDirection, after: DeviceCursor): Condition {
  const { value, id } = after;
  return dir === 'asc' ? sql`(${expression}, id) > (${value}, ${id})` : sql`(${expression}, id) < (${value}, ${id})`;
}

/**
 * A filtered page read by walking the sort order: the next WINDOW devices in order (an index
 * range), filtered. When matches are common — a search for a site name that a tenth of a million
 * devices share — this finds a page in a few thousand rows, where the planner would gather and
 * sort every match. Undefined when the window held too few matches: then the planner's own plan
 * (filter indexes, a sort of the few matches) is the fast one.
 */
async function readOrderedWindow(
  db: Db,
  input: { organisationId: string; dir: SortDirection; limit: number },
  expression: ReturnType<typeof sql.raw>,
  conditions: readonly Condition[],
  keyset: readonly Condition[],
): Promise<DeviceRowPage | undefined> {
  const direction = sql.raw(input.dir === 'asc' ? 'ASC' : 'DESC');
  const window = db
    .selectFrom('device')
    .selectAll()
    .select(sql<string>`${expression}`.as('sort_value'))
    .where(allOf([sql`organisation_id = ${input.organisationId}`, ...keyset]))
    .orderBy(sql`${expression} ${direction}`)
    .orderBy(sql`id ${direction}`)
    .limit(WINDOW)
    .as('walked');
  const rows = await db
    .selectFrom(window)
    .selectAll()
    .where(allOf([...conditions]))
    .orderBy(sql`sort_value ${direction}`)
    .orderBy(sql`id ${direction}`)
    .limit(input.limit + 1)
    .execute();
  if (rows.length <= input.limit) return undefined;
  return { rows: rows.slice(0, input.limit), hasMore: true };
}

/** Counting stops here: past it a list says "at least" (a count of every match of a broad search is slow). */
export const COUNT_LIMIT = 10_000;

/** How many devices match the filter, up to COUNT_LIMIT + 1 (more means "over COUNT_LIMIT"). */
export async function countDevices(
  db: Db,
  organisationId: string,
  filter: DeviceFilter,
  bounds: SupportBounds,
): Promise<number> {
  const matches = db
    .selectFrom('device')
    .select(sql`1`.as('one'))
    .where(allOf(filterConditions(organisationId, filter, bounds)))
    .limit(COUNT_LIMIT + 1)
    .as('matches');
  const row = await db
    .selectFrom(matches)
    .select(sql<number | string>`count(*)`.as('count'))
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
