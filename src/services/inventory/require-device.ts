import { DomainError } from '../../core/domain-error';
import type { DatabaseSchema } from '../../db/database';
import type { Kysely } from 'kysely';
import { findDeviceRow } from '../../db/inventory/device.repository';
import type { DeviceTable } from '../../db/inventory/inventory.table';

/** A device id as it arrives (path text or number) → a positive integer, or undefined. */
export function parseDeviceId(id: string | number): number | undefined {
  const number = typeof id === 'number' ? id : /^\d{1,15}$/.test(id) ? Number(id) : NaN;
  return Number.isSafeInteger(number) && number > 0 ? number : undefined;
}

/** The organisation's device row, or NOT_FOUND (also for another organisation's id). */
export async function requireDeviceRow(
  db: Kysely<DatabaseSchema>,
  organisationId: string,
  id: string | number,
): Promise<DeviceTable> {
  const deviceId = parseDeviceId(id);
  const row = deviceId === undefined ? undefined : await findDeviceRow(db, organisationId, deviceId);
  if (!row) throw new DomainError('NOT_FOUND', 'No such device in this organisation.');
  return row;
}
