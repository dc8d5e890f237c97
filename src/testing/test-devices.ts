import { DEVICE_DEFAULTS } from '../core/inventory/device-defaults';
import type { DeviceFields } from '../core/inventory/device.types';
import { rebuildFacetCounts } from '../db/inventory/device-facets.repository';
import { insertDevice } from '../db/inventory/device.repository';
import type { TestDatabase } from './test-database';

/**
 * Inserts `count` devices straight through the repository (no history, no audit) in one
 * transaction and recounts the organisation's facets: a quick way to a big inventory. `make`
 * gives each device's fields by its index; asset tags default to `D-0001`, `D-0002`, ….
 * Returns the new ids in index order.
 */
export async function seedDevices(
  database: TestDatabase,
  organisationId: string,
  count: number,
  make: (index: number) => Partial<DeviceFields> = () => ({}),
  at = '2026-11-22T09:00:00.000Z',
): Promise<number[]> {
  return database.db.transaction().execute(async (transaction) => {
    const ids: number[] = [];
    for (let index = 0; index < count; index++) {
      const fields: DeviceFields = {
        ...DEVICE_DEFAULTS,
        assetTag: `D-${String(index + 1).padStart(4, '0')}`,
        name: `Device ${index + 1}`,
        ...make(index),
      };
      ids.push(Number((await insertDevice(transaction, organisationId, fields, { at, by: null })).id));
    }
    await rebuildFacetCounts(transaction, organisationId);
    return ids;
  });
}
