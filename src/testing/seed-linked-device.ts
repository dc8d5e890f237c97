import { DEVICE_DEFAULTS } from '../core/inventory/device-defaults';
import type { DeviceFields } from '../core/inventory/device.types';
import { toDeviceColumns } from '../db/inventory/device-row';
import type { Database } from '../db/database';

let sequence = 0;

/**
 * Writes a device straight into the database (tests of what reads devices: flows, stakeholders,
 * inventory facts), linked to `systemId` when given. Returns its id as text.
 */
export async function seedLinkedDevice(
  database: Pick<Database, 'db'>,
  organisationId: string,
  options: { systemId?: string; fields?: Partial<DeviceFields>; updatedAt?: string } = {},
): Promise<string> {
  sequence += 1;
  const now = options.updatedAt ?? new Date().toISOString();
  const fields: DeviceFields = {
    ...DEVICE_DEFAULTS,
    assetTag: `T-${sequence}`,
    name: `Camera ${sequence}`,
    ...options.fields,
  };
  const inserted = await database.db
    .insertInto('device')
    .values({
      // Explicit ids far above what an identity sequence hands out, so code under test that
      // inserts devices itself never collides with these.
      id: 900_000_000 + sequence,
      organisation_id: organisationId,
      ...toDeviceColumns(fields),
      maintainer_provider_id: null,
      import_id: null,
      version: 1,
      created_at: now,
      updated_at: now,
      updated_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = String(inserted.id);
  if (options.systemId)
    await database.db
      .insertInto('device_system')
      .values({ organisation_id: organisationId, device_id: Number(id), system_id: options.systemId })
      .execute();
  return id;
}
