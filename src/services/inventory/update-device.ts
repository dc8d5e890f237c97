import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import { changedDeviceFields, pickDeviceFields } from '../../core/inventory/device-changes';
import type { Device, DeviceFields } from '../../core/inventory/device.types';
import { validateDeviceFields, type DeviceFieldsInput } from '../../core/inventory/validate-device-fields';
import {
  columnValue,
  DEVICE_FIELD_COLUMNS,
  toDevice,
  toDeviceFields,
  type DeviceColumns,
} from '../../db/inventory/device-row';
import { listSystemIdsOfDevice } from '../../db/inventory/device-system.repository';
import { findDeviceIdByAssetTag, findDeviceRow, updateDeviceRow } from '../../db/inventory/device.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { RequestContext } from '../auth/account-deps';
import { assetTagTaken } from './create-device';
import type { InventoryDeps } from './inventory-deps';
import { recordDeviceChange, writerId } from './record-device-change';
import { requireDeviceRow } from './require-device';

/**
 * Changes the given fields of a device with optimistic locking: `version` must be the stored
 * version, otherwise CONFLICT carrying the current device (`current`). Fields left out stay.
 */
export async function updateDevice(
  deps: InventoryDeps,
  input: {
    actor: Actor;
    deviceId: string | number;
    version: number;
    changes: DeviceFieldsInput;
    context?: RequestContext;
  },
): Promise<Device> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const check = validateDeviceFields(input.changes);
  const now = deps.clock();
  return deps.database.db.transaction().execute(async (transaction) => {
    const beforeRow = await requireDeviceRow(transaction, organisationId, input.deviceId);
    const id = Number(beforeRow.id);
    const systemIds = await listSystemIdsOfDevice(transaction, organisationId, id);
    if (Number(beforeRow.version) !== input.version)
      throw new DomainError(
        'CONFLICT',
        'Someone else changed this device first; here is what is stored now.',
        [{ field: 'version', reason: `stored version is ${beforeRow.version}` }],
        { current: toDevice(beforeRow, systemIds) },
      );
    if (check.problems.length > 0)
      throw new DomainError('VALIDATION_FAILED', 'The device is not valid.', check.problems);
    const before = toDeviceFields(beforeRow);
    const changed = changedDeviceFields(before, check.fields);
    if (changed.length === 0) return toDevice(beforeRow, systemIds);
    if (changed.includes('assetTag')) {
      const taken = await findDeviceIdByAssetTag(transaction, organisationId, check.fields.assetTag!);
      if (taken !== undefined && taken !== id)
        throw new DomainError('VALIDATION_FAILED', 'The device is not valid.', [
          assetTagTaken(check.fields.assetTag!, taken),
        ]);
    }
    const columns: Record<string, unknown> = {};
    for (const key of changed)
      columns[DEVICE_FIELD_COLUMNS[key]] = columnValue(key, check.fields[key] as DeviceFields[typeof key]);
    const stamp = { at: now.toISOString(), by: writerId(actor) };
    if (
      !(await updateDeviceRow(transaction, organisationId, id, columns as Partial<DeviceColumns>, input.version, stamp))
    )
      throw new DomainError('CONFLICT', 'Someone else changed this device first.', [
        { field: 'version', reason: 'stale' },
      ]);
    const afterRow = (await findDeviceRow(transaction, organisationId, id))!;
    await recordDeviceChange(transaction, {
      actor,
      context: input.context,
      at: now,
      organisationId,
      deviceId: id,
      version: input.version + 1,
      action: 'update',
      beforeRow,
      afterRow,
      before: pickDeviceFields(before, changed),
      after: pickDeviceFields(check.fields, changed),
    });
    return toDevice(afterRow, systemIds);
  });
}
