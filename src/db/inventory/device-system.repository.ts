import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database';

// Which devices belong to which IoT systems (many to many, within one organisation).

type Db = Kysely<DatabaseSchema>;

/** The system ids a device belongs to, sorted. */
export async function listSystemIdsOfDevice(db: Db, organisationId: string, deviceId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('device_system')
    .select('system_id')
    .where('organisation_id', '=', organisationId)
    .where('device_id', '=', deviceId)
    .orderBy('system_id')
    .execute();
  return rows.map((row) => row.system_id);
}

/** Of `deviceIds`, those that are the organisation's devices. */
export async function existingDeviceIds(
  db: Db,
  organisationId: string,
  deviceIds: readonly number[],
): Promise<Set<number>> {
  const found = new Set<number>();
  for (let start = 0; start < deviceIds.length; start += 500) {
    const rows = await db
      .selectFrom('device')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('id', 'in', deviceIds.slice(start, start + 500))
      .execute();
    for (const row of rows) found.add(Number(row.id));
  }
  return found;
}

/** Of `deviceIds`, those already linked to the system. */
export async function linkedDeviceIds(
  db: Db,
  organisationId: string,
  systemId: string,
  deviceIds: readonly number[],
): Promise<Set<number>> {
  const linked = new Set<number>();
  for (let start = 0; start < deviceIds.length; start += 500) {
    const rows = await db
      .selectFrom('device_system')
      .select('device_id')
      .where('organisation_id', '=', organisationId)
      .where('system_id', '=', systemId)
      .where('device_id', 'in', deviceIds.slice(start, start + 500))
      .execute();
    for (const row of rows) linked.add(Number(row.device_id));
  }
  return linked;
}

/** Links devices to a system (ids must be new links of the organisation's devices). */
export async function insertDeviceLinks(
  db: Db,
  organisationId: string,
  systemId: string,
  deviceIds: readonly number[],
): Promise<void> {
  for (let start = 0; start < deviceIds.length; start += 500) {
    await db
      .insertInto('device_system')
      .values(
        deviceIds
          .slice(start, start + 500)
          .map((id) => ({ organisation_id: organisationId, device_id: id, system_id: systemId })),
      )
      .execute();
  }
}

/** Removes links of devices to a system. */
export async function deleteDeviceLinks(
  db: Db,
  organisationId: string,
  systemId: string,
  deviceIds: readonly number[],
): Promise<void> {
  for (let start = 0; start < deviceIds.length; start += 500) {
    await db
      .deleteFrom('device_system')
      .where('organisation_id', '=', organisationId)
      .where('system_id', '=', systemId)
      .where('device_id', 'in', deviceIds.slice(start, start + 500))
      .execute();
  }
}
