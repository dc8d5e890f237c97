import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import {
  supportBounds,
  type DeviceFilter,
  type DeviceSort,
  type SortDirection,
} from '../../core/inventory/device-filter';
import type { Device } from '../../core/inventory/device.types';
import { decodeDeviceCursor, encodeDeviceCursor } from '../../db/inventory/device-cursor';
import { readFacetCounts } from '../../db/inventory/device-facets.repository';
import {
  COUNT_LIMIT,
  countDevices,
  listDeviceRows,
  systemIdsOfDevices,
} from '../../db/inventory/device-list.repository';
import { toDevice } from '../../db/inventory/device-row';
import { requireOrganisation } from '../accounts/require-user';
import type { InventoryDeps } from './inventory-deps';

/** A page of devices, the cursor of the next page (null on the last), and on a first page the total. */
export interface DevicePage {
  readonly devices: Device[];
  readonly next: string | null;
  readonly total?: number;
  /** The filter matches more than `total` devices (counting stops at COUNT_LIMIT). */
  readonly totalIsAtLeast?: boolean;
}

/** The most devices one page holds. */
export const MAX_PAGE_SIZE = 500;

/** True when the filter narrows nothing (its total is the sum of the stored status counts). */
export function isEmptyFilter(filter: DeviceFilter): boolean {
  return Object.values(filter).every(
    (value) => value === undefined || value === false || (Array.isArray(value) && value.length === 0) || value === '',
  );
}

/**
 * One page of the organisation's devices, filtered and sorted, read after `after` (a cursor from
 * the previous page, valid for the same sort and direction). Pages never skip or repeat a device
 * that stays unchanged while a client pages.
 */
export async function listDevices(
  deps: InventoryDeps,
  input: {
    actor: Actor;
    filter: DeviceFilter;
    sort?: DeviceSort;
    dir?: SortDirection;
    limit?: number;
    after?: string;
  },
): Promise<DevicePage> {
  const { organisationId } = requireOrganisation(input.actor);
  const sort = input.sort ?? 'assetTag';
  const dir = input.dir ?? 'asc';
  const limit = Math.min(Math.max(input.limit ?? 50, 1), MAX_PAGE_SIZE);
  const after = input.after === undefined ? undefined : decodeDeviceCursor(input.after);
  if (input.after !== undefined && (!after || after.sort !== sort || after.dir !== dir))
    throw new DomainError('VALIDATION_FAILED', 'The page cursor does not belong to this list.', [
      { field: 'after', reason: 'not a cursor of this sort and direction', code: 'invalid_value' },
    ]);
  const db = deps.database.db;
  const bounds = supportBounds(deps.clock());
  const page = await listDeviceRows(db, { organisationId, filter: input.filter, bounds, sort, dir, limit, after });
  const systems = await systemIdsOfDevices(
    db,
    organisationId,
    page.rows.map((row) => Number(row.id)),
  );
  const last = page.rows.at(-1);
  const next =
    page.hasMore && last ? encodeDeviceCursor({ sort, dir, value: last.sort_value, id: Number(last.id) }) : null;
  const devices = page.rows.map(({ sort_value: _value, ...row }) => toDevice(row, systems.get(Number(row.id)) ?? []));
  if (after) return { devices, next };
  if (isEmptyFilter(input.filter)) {
    const total = (await readFacetCounts(db, organisationId)).status.reduce((sum, entry) => sum + entry.count, 0);
    return { devices, next, total };
  }
  const counted = await countDevices(db, organisationId, input.filter, bounds);
  return counted > COUNT_LIMIT
    ? { devices, next, total: COUNT_LIMIT, totalIsAtLeast: true }
    : { devices, next, total: counted };
}
