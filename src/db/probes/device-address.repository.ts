import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database';

/** A device recorded at an address: its id, asset tag and every address it lists (space-separated). */
export interface AddressDeviceRow {
  readonly id: string;
  readonly assetTag: string;
  readonly ipAddresses: string;
}

/**
 * Addresses per query: each one costs four parameters (a lone address, first, last, in the
 * middle), so a chunk stays far below SQLite's and PostgreSQL's parameter limits.
 */
const CHUNK = 200;

/**
 * The organisation's devices that list at least one of `addresses` (canonical text, as the
 * inventory stores them), in id order. The match runs in SQL: a device whose only address is
 * asked for is found through `device_ip_idx` (organisation, ip_addresses); a device with
 * several addresses is found by its space-separated word. Addresses hold only `[0-9a-f:.]`,
 * so no LIKE wildcard can hide in them.
 */
export async function findDevicesAtAddresses(
  db: Kysely<DatabaseSchema>,
  organisationId: string,
  addresses: readonly string[],
): Promise<AddressDeviceRow[]> {
  const wanted = [...new Set(addresses.filter((address) => /^[0-9a-f:.]+$/.test(address)))];
  const byId = new Map<string, AddressDeviceRow>();
  for (let start = 0; start < wanted.length; start += CHUNK) {
    const chunk = wanted.slice(start, start + CHUNK);
    const rows = await db
      .selectFrom('device')
      .select(['id', 'asset_tag', 'ip_addresses'])
      .where('organisation_id', '=', organisationId)
      .where((eb) =>
        eb.or([
          eb('ip_addresses', 'in', chunk),
          ...chunk.flatMap((address) => [
            eb('ip_addresses', 'like', `${address} %`),
            eb('ip_addresses', 'like', `% ${address}`),
            eb('ip_addresses', 'like', `% ${address} %`),
          ]),
        ]),
      )
      .execute();
    for (const row of rows)
      byId.set(String(row.id), { id: String(row.id), assetTag: row.asset_tag, ipAddresses: row.ip_addresses });
  }
  return [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
}

/** Device ids are integers on both dialects: compare them as numbers so "10" follows "9". */
const compareIds = (a: string, b: string): number => Number(a) - Number(b) || a.localeCompare(b);
