import type { Actor } from '../../core/auth/actor';
import { DomainError, type ProblemDetail } from '../../core/domain-error';
import { pickDeviceFields } from '../../core/inventory/device-changes';
import { DEVICE_DEFAULTS } from '../../core/inventory/device-defaults';
import type { Device, DeviceFields } from '../../core/inventory/device.types';
import { validateDeviceFields, type DeviceFieldsInput } from '../../core/inventory/validate-device-fields';
import { toDevice } from '../../db/inventory/device-row';
import { findDeviceIdByAssetTag, insertDevice } from '../../db/inventory/device.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { RequestContext } from '../auth/account-deps';
import type { InventoryDeps } from './inventory-deps';
import { recordDeviceChange, writerId } from './record-device-change';

/** The refusal of an asset tag another device of the organisation already has. */
export function assetTagTaken(assetTag: string, otherId: number): ProblemDetail {
  return {
    field: 'assetTag',
    reason: `${assetTag} is already the asset tag of device ${otherId}`,
    code: 'invalid_value',
  };
}

/**
 * Adds a device to the actor's organisation: asset tag and name required, every other field
 * from DEVICE_DEFAULTS unless given; all invalid fields are refused at once, nothing written.
 */
export async function createDevice(
  deps: InventoryDeps,
  input: { actor: Actor; fields: DeviceFieldsInput; context?: RequestContext },
): Promise<Device> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const check = validateDeviceFields(input.fields);
  const problems: ProblemDetail[] = [...check.problems];
  for (const key of ['assetTag', 'name'] as const) {
    if (input.fields[key] === undefined) problems.push({ field: key, reason: 'required', code: 'missing' });
  }
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'The device is not valid.', problems);
  const fields = { ...DEVICE_DEFAULTS, ...check.fields } as DeviceFields;
  const now = deps.clock();
  return deps.database.db.transaction().execute(async (transaction) => {
    const taken = await findDeviceIdByAssetTag(transaction, organisationId, fields.assetTag);
    if (taken !== undefined)
      throw new DomainError('VALIDATION_FAILED', 'The device is not valid.', [assetTagTaken(fields.assetTag, taken)]);
    const row = await insertDevice(transaction, organisationId, fields, { at: now.toISOString(), by: writerId(actor) });
    const id = Number(row.id);
    await recordDeviceChange(transaction, {
      actor,
      context: input.context,
      at: now,
      organisationId,
      deviceId: id,
      version: 1,
      action: 'create',
      beforeRow: null,
      afterRow: row,
      before: null,
      after: pickDeviceFields(fields, Object.keys(fields) as (keyof DeviceFields)[]),
    });
    return toDevice(row, []);
  });
}
