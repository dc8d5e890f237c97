import type { Actor } from '../../../core/auth/actor';
import { DomainError } from '../../../core/domain-error';
import { firmwareStanding } from '../../../core/vulnerabilities/firmware-behind';
import type { DeviceFirmwareView } from '../../../contracts/vulnerabilities/firmware.schema';
import { findDeviceRow } from '../../../db/inventory/device.repository';
import { findLatestFirmware } from '../../../db/vulnerabilities/latest-firmware.repository';
import type { VulnerabilityDeps } from '../vulnerability-deps';
import { requireVulnerabilityReader } from '../views/list-matches';
import { presentLatestFirmware } from './latest-firmware';

/**
 * How one device's firmware stands against the latest known firmware of its model — the same
 * record (manufacturer and model trimmed, compared exactly) and comparison that item 40's machine
 * evidence counts. Needs vulnerabilities.read; a device of another organisation is NOT_FOUND.
 */
export async function readDeviceFirmware(
  deps: VulnerabilityDeps,
  input: { readonly actor: Actor; readonly deviceId: string },
): Promise<DeviceFirmwareView> {
  const { organisationId } = requireVulnerabilityReader(input.actor);
  const db = deps.database.db;
  const id = Number(input.deviceId);
  const device = Number.isSafeInteger(id) ? await findDeviceRow(db, organisationId, id) : undefined;
  if (!device) throw new DomainError('NOT_FOUND', 'No such device.');
  const record = await findLatestFirmware(db, organisationId, device.manufacturer.trim(), device.model.trim());
  if (!record) return { firmwareVersion: device.firmware_version, standing: 'no_record', latest: null };
  return {
    firmwareVersion: device.firmware_version,
    standing: firmwareStanding(device.firmware_version, record.version),
    latest: presentLatestFirmware(record),
  };
}
