import { sql, type Kysely } from 'kysely';
import type { SystemInventoryCounts } from '../../core/inventory/inventory-facts';
import type { DatabaseSchema } from '../database';

type Db = Kysely<DatabaseSchema>;

/** The days and instant the counts are taken against (all ISO text, compared as text). */
export interface FactCutoffs {
  /** Today, YYYY-MM-DD: support before it has ended. */
  readonly today: string;
  /** Today plus one year, YYYY-MM-DD: support ending before it ends within the year. */
  readonly yearAhead: string;
  /** YYYY-MM-DD: firmware last updated before it is stale. */
  readonly firmwareBefore: string;
  /** ISO instant: a device record last changed before it is stale. */
  readonly recordBefore: string;
}

const count = (condition: ReturnType<typeof sql>) =>
  sql<string | number>`sum(case when ${condition} then 1 else 0 end)`;

/**
 * Counts over the devices in service (not retired or disposed) linked to the system, in ONE
 * aggregate query over device_system ⋈ device (indexed by organisation and system), and over the
 * flows recorded for the system. No rows are read into memory: a system may hold a million devices.
 */
export async function countSystemInventory(
  db: Db,
  organisationId: string,
  systemId: string,
  cutoffs: FactCutoffs,
): Promise<SystemInventoryCounts> {
  const devices = await db
    .selectFrom('device_system')
    .innerJoin('device', (join) =>
      join
        .onRef('device.id', '=', 'device_system.device_id')
        .onRef('device.organisation_id', '=', 'device_system.organisation_id'),
    )
    .where('device_system.organisation_id', '=', organisationId)
    .where('device_system.system_id', '=', systemId)
    .where('device.status', 'not in', ['retired', 'disposed'])
    .select((eb) => [
      eb.fn.countAll<string | number>().as('devices'),
      count(sql`device.support_until < ${cutoffs.today}`).as('supportEnded'),
      count(sql`device.support_until >= ${cutoffs.today} and device.support_until < ${cutoffs.yearAhead}`).as(
        'supportEndingWithinYear',
      ),
      count(sql`device.support_until is null`).as('supportUnknown'),
      count(sql`device.firmware_updated_on < ${cutoffs.firmwareBefore}`).as('firmwareStale'),
      count(sql`device.firmware_updated_on is null`).as('firmwareUpdateUnknown'),
      count(sql`device.owner = ''`).as('withoutOwner'),
      count(sql`device.site = '' and device.latitude is null`).as('withoutLocation'),
      count(sql`device.updated_at < ${cutoffs.recordBefore}`).as('recordStale'),
    ])
    .executeTakeFirstOrThrow();
  const flows = await db
    .selectFrom('data_flow')
    .where('organisation_id', '=', organisationId)
    .where('system_id', '=', systemId)
    .select((eb) => [
      eb.fn.countAll<string | number>().as('flows'),
      count(sql`encrypted = 'no'`).as('flowsUnencrypted'),
      count(sql`encrypted = 'unknown'`).as('flowsEncryptionUnknown'),
      count(sql`crosses_border = 1`).as('flowsCrossingBorder'),
      count(sql`crosses_internet = 1`).as('flowsCrossingInternet'),
    ])
    .executeTakeFirstOrThrow();
  // Sums over no rows are NULL; PostgreSQL returns bigint sums and counts as text.
  const n = (value: string | number | null) => Number(value ?? 0);
  return {
    devices: n(devices.devices),
    supportEnded: n(devices.supportEnded),
    supportEndingWithinYear: n(devices.supportEndingWithinYear),
    supportUnknown: n(devices.supportUnknown),
    firmwareStale: n(devices.firmwareStale),
    firmwareUpdateUnknown: n(devices.firmwareUpdateUnknown),
    withoutOwner: n(devices.withoutOwner),
    withoutLocation: n(devices.withoutLocation),
    recordStale: n(devices.recordStale),
    flows: n(flows.flows),
    flowsUnencrypted: n(flows.flowsUnencrypted),
    flowsEncryptionUnknown: n(flows.flowsEncryptionUnknown),
    flowsCrossingBorder: n(flows.flowsCrossingBorder),
    flowsCrossingInternet: n(flows.flowsCrossingInternet),
  };
}
