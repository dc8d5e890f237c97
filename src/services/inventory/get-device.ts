import type { Actor } from '../../core/auth/actor';
import type { Device } from '../../core/inventory/device.types';
import { toDevice } from '../../db/inventory/device-row';
import { listSystemIdsOfDevice } from '../../db/inventory/device-system.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { InventoryDeps } from './inventory-deps';
import { requireDeviceRow } from './require-device';

/** One device of the actor's organisation with the systems it belongs to, or NOT_FOUND. */
export async function getDevice(
  deps: Pick<InventoryDeps, 'database'>,
  input: { actor: Actor; deviceId: string | number },
): Promise<Device> {
  const { organisationId } = requireOrganisation(input.actor);
  const db = deps.database.db;
  const row = await requireDeviceRow(db, organisationId, input.deviceId);
  return toDevice(row, await listSystemIdsOfDevice(db, organisationId, Number(row.id)));
}
