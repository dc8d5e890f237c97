import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import { pickDeviceFields } from '../../core/inventory/device-changes';
import type { DeviceFields } from '../../core/inventory/device.types';
import { toDevice, toDeviceFields } from '../../db/inventory/device-row';
import { listSystemIdsOfDevice } from '../../db/inventory/device-system.repository';
import { deleteDeviceRow } from '../../db/inventory/device.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { RequestContext } from '../auth/account-deps';
import type { InventoryDeps } from './inventory-deps';
import { recordDeviceChange } from './record-device-change';
import { requireDeviceRow } from './require-device';

/** Deletes a device seen at `version` (CONFLICT with the current device when stale). */
export async function deleteDevice(
  deps: InventoryDeps,
  input: { actor: Actor; deviceId: string | number; version: number; context?: RequestContext },
): Promise<void> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const now = deps.clock();
  await deps.database.db.transaction().execute(async (transaction) => {
    const row = await requireDeviceRow(transaction, organisationId, input.deviceId);
    const id = Number(row.id);
    const systemIds = await listSystemIdsOfDevice(transaction, organisationId, id);
    const conflict = () =>
      new DomainError(
        'CONFLICT',
        'Someone else changed this device first; here is what is stored now.',
        [{ field: 'version', reason: `stored version is ${row.version}` }],
        { current: toDevice(row, systemIds) },
      );
    if (Number(row.version) !== input.version) throw conflict();
    if (!(await deleteDeviceRow(transaction, organisationId, id, input.version))) throw conflict();
    const fields = toDeviceFields(row);
    await recordDeviceChange(transaction, {
      actor,
      context: input.context,
      at: now,
      organisationId,
      deviceId: id,
      version: input.version,
      action: 'delete',
      beforeRow: row,
      afterRow: null,
      before: { ...pickDeviceFields(fields, Object.keys(fields) as (keyof DeviceFields)[]), systemIds },
      after: null,
    });
  });
}
