import { sql, type Kysely, type Transaction } from 'kysely';
import type { DeviceFacts } from '../../core/vulnerabilities/match-identity';
import type { DatabaseSchema } from '../database';
import type { BulkConnection } from '../inventory/import-connection';
import { isSqlite } from './is-sqlite';
import { bulkApply, bulkInsert } from './match-bulk';

// The device→identity mapping of a match run, kept set-based: a million devices share a few
// thousand (manufacturer, model, firmware, CPEs) groups, so the database groups them, the caller
// turns each group into an identity key, and one INSERT … SELECT joins the devices to their
// group's key. Devices with an SBOM of their own form identities one by one (there are few).

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

/** Devices that share the raw facts an identity is made of. */
export interface DeviceGroup {
  readonly manufacturer: string;
  readonly model: string;
  readonly firmwareVersion: string;
  /** The device column as stored: CPE names separated by single spaces. */
  readonly cpes: string;
  readonly devices: number;
}

/** A group with the identity key its devices carry. */
export interface KeyedDeviceGroup extends DeviceGroup {
  readonly key: string;
}

const splitCpes = (cpes: string) => (cpes === '' ? [] : cpes.split(' '));

/** Facts of a group's devices as the identity builder reads them. */
export const groupFacts = (group: DeviceGroup): DeviceFacts => ({
  deviceId: '',
  manufacturer: group.manufacturer,
  model: group.model,
  firmwareVersion: group.firmwareVersion,
  cpes: splitCpes(group.cpes),
});

/** Devices of the organisation that have an SBOM of their own (they do not take part in groups). */
const ownSbomDevices = (organisationId: string) =>
  sql`(SELECT device_id FROM sbom WHERE organisation_id = ${organisationId} AND device_id IS NOT NULL)`;

/**
 * The organisation's devices grouped by manufacturer, model, firmware and CPEs, with their
 * counts — except devices with an SBOM of their own (see readOwnSbomDevices).
 */
export async function readDeviceGroups(db: Db, organisationId: string): Promise<DeviceGroup[]> {
  // One pass over the table beats walking a model index and fetching every row from it.
  const table = isSqlite(db) ? sql`device NOT INDEXED` : sql`device`;
  const { rows } = await sql<{
    manufacturer: string;
    model: string;
    firmware_version: string;
    cpes: string;
    n: number | string;
  }>`SELECT manufacturer, model, firmware_version, cpes, COUNT(*) AS n FROM ${table}
     WHERE organisation_id = ${organisationId} AND id NOT IN ${ownSbomDevices(organisationId)}
     GROUP BY manufacturer, model, firmware_version, cpes`.execute(db);
  return rows.map((row) => ({
    manufacturer: row.manufacturer,
    model: row.model,
    firmwareVersion: row.firmware_version,
    cpes: row.cpes,
    devices: Number(row.n),
  }));
}

const deviceFacts = (row: {
  id: number | string;
  manufacturer: string;
  model: string;
  firmware_version: string;
  cpes: string;
}): DeviceFacts => ({
  deviceId: String(row.id),
  manufacturer: row.manufacturer,
  model: row.model,
  firmwareVersion: row.firmware_version,
  cpes: splitCpes(row.cpes),
});

/** The matching facts of the organisation's devices that have an SBOM of their own. */
export async function readOwnSbomDevices(db: Db, organisationId: string): Promise<DeviceFacts[]> {
  const rows = await db
    .selectFrom('device')
    .select(['id', 'manufacturer', 'model', 'firmware_version', 'cpes'])
    .where('organisation_id', '=', organisationId)
    .where(
      'id',
      'in',
      (eb) =>
        eb
          .selectFrom('sbom')
          .select('device_id')
          .where('organisation_id', '=', organisationId)
          .where('device_id', 'is not', null) as never,
    )
    .orderBy('id')
    .execute();
  return rows.map(deviceFacts);
}

/**
 * The matching facts of the organisation's devices updated at or after `since` (through the
 * index on organisation and update time, so a quiet estate costs nothing to read).
 */
export async function readChangedDevices(db: Db, organisationId: string, since: string): Promise<DeviceFacts[]> {
  const rows = await db
    .selectFrom('device')
    .select(['id', 'manufacturer', 'model', 'firmware_version', 'cpes'])
    .where('organisation_id', '=', organisationId)
    .where('updated_at', '>=', since)
    .orderBy('id')
    .execute();
  return rows.map(deviceFacts);
}

const MAPPING_INDEX = 'vulnerability_device_identity_key_idx';
/** From this many devices on, a first SQLite mapping drops its key index and builds it once at the end. */
const REBUILD_INDEX_FROM = 100_000;
const GROUP_COLUMNS = [
  { name: 'manufacturer', pgType: 'text' },
  { name: 'model', pgType: 'text' },
  { name: 'firmware_version', pgType: 'text' },
  { name: 'cpes', pgType: 'text' },
  { name: 'identity_key', pgType: 'text' },
] as const;

/**
 * Points every grouped device of the organisation at its group's identity key, in one statement:
 * an INSERT … SELECT joining the devices to the groups. A device that already carries the right
 * key is not written; one whose key changed is updated. Devices with an SBOM of their own are
 * left to mapDevices.
 */
export async function mapDeviceGroups(
  bulk: BulkConnection,
  transaction: Transaction<DatabaseSchema>,
  organisationId: string,
  groups: readonly KeyedDeviceGroup[],
  /** From this many devices on, a first SQLite mapping rebuilds its key index (tests lower it). */
  rebuildIndexFrom = REBUILD_INDEX_FROM,
): Promise<void> {
  const first =
    (await transaction
      .selectFrom('vulnerability_device_identity')
      .select('device_id')
      .where('organisation_id', '=', organisationId)
      .limit(1)
      .executeTakeFirst()) === undefined;
  const deviceCount = groups.reduce((sum, group) => sum + group.devices, 0);
  const rows = groups.map((group) => [group.manufacturer, group.model, group.firmwareVersion, group.cpes, group.key]);
  // A first mapping inserts only; later ones update the keys that changed and skip the rest.
  const upsert = first
    ? ''
    : ` ON CONFLICT (device_id) DO UPDATE SET organisation_id = excluded.organisation_id,
          identity_key = excluded.identity_key
        WHERE vulnerability_device_identity.identity_key <> excluded.identity_key
          OR vulnerability_device_identity.organisation_id <> excluded.organisation_id`;

  if (bulk.dialect === 'sqlite') {
    bulk.sqlite.exec(`DROP TABLE IF EXISTS temp.vulnerability_group;
      CREATE TEMP TABLE vulnerability_group (manufacturer TEXT NOT NULL, model TEXT NOT NULL,
        firmware_version TEXT NOT NULL, cpes TEXT NOT NULL, identity_key TEXT NOT NULL,
        PRIMARY KEY (manufacturer, model, firmware_version, cpes));`);
    await bulkInsert(bulk, transaction, 'temp.vulnerability_group', GROUP_COLUMNS, rows);
    // Loading many rows and then building the index once beats maintaining it row by row
    // (SQLite DDL is transactional: a rollback restores the index).
    const rebuild = first && deviceCount >= rebuildIndexFrom;
    if (rebuild) bulk.sqlite.exec(`DROP INDEX ${MAPPING_INDEX}`);
    // The devices are walked in table order and each looks its group up (CROSS JOIN keeps that
    // order; NOT INDEXED stops SQLite from walking a model index and filtering instead).
    bulk.sqlite
      .prepare(
        `INSERT INTO vulnerability_device_identity (device_id, organisation_id, identity_key)
         SELECT d.id, d.organisation_id, g.identity_key
         FROM device AS d NOT INDEXED CROSS JOIN temp.vulnerability_group AS g
         WHERE d.organisation_id = ? AND g.manufacturer = d.manufacturer AND g.model = d.model
           AND g.firmware_version = d.firmware_version AND g.cpes = d.cpes
           AND d.id NOT IN (SELECT device_id FROM sbom WHERE organisation_id = ? AND device_id IS NOT NULL)${upsert}`,
      )
      .run(organisationId, organisationId);
    if (rebuild) {
      bulk.sqlite.exec(
        `CREATE INDEX ${MAPPING_INDEX} ON vulnerability_device_identity (organisation_id, identity_key)`,
      );
    }
    bulk.sqlite.exec('DROP TABLE temp.vulnerability_group');
    return;
  }
  const arrays = GROUP_COLUMNS.map((column, index) => sql`${rows.map((row) => row[index])}::text[]`);
  // The planner takes unnest() for 10 rows and walks the model index once per group, fetching
  // every device from the heap at random (12 M fetches for 5,000 groups of a million devices);
  // one pass over the devices probing a hash of the groups costs a fraction of that. Only for
  // this statement: the settings are restored right after it, still inside the transaction.
  await sql`SET LOCAL enable_nestloop = off`.execute(transaction);
  await sql`SET LOCAL enable_mergejoin = off`.execute(transaction);
  await sql`INSERT INTO vulnerability_device_identity (device_id, organisation_id, identity_key)
    SELECT d.id, d.organisation_id, g.identity_key
    FROM device d
    JOIN unnest(${sql.join(arrays)}) AS g(manufacturer, model, firmware_version, cpes, identity_key)
      ON g.manufacturer = d.manufacturer AND g.model = d.model
      AND g.firmware_version = d.firmware_version AND g.cpes = d.cpes
    WHERE d.organisation_id = ${organisationId} AND d.id NOT IN ${ownSbomDevices(organisationId)}
    ${sql.raw(upsert)}`.execute(transaction);
  await sql`SET LOCAL enable_nestloop = on`.execute(transaction);
  await sql`SET LOCAL enable_mergejoin = on`.execute(transaction);
}

const MAPPING_COLUMNS = [
  { name: 'device_id', pgType: 'bigint' },
  { name: 'organisation_id', pgType: 'text' },
  { name: 'identity_key', pgType: 'text' },
] as const;

/** Points each of the given devices (device id → identity key) at its key. */
export async function mapDevices(
  bulk: BulkConnection,
  transaction: Transaction<DatabaseSchema>,
  organisationId: string,
  deviceKeys: ReadonlyMap<string, string>,
): Promise<void> {
  const rows = [...deviceKeys].map(([deviceId, key]) => [deviceId, organisationId, key]);
  await bulkApply(
    bulk,
    transaction,
    MAPPING_COLUMNS.slice(0, 1),
    rows.map((row) => [row[0]!]),
    'DELETE FROM vulnerability_device_identity WHERE device_id = ?',
    (source) => sql`DELETE FROM vulnerability_device_identity t USING ${source} WHERE t.device_id = v.device_id`,
  );
  await bulkInsert(bulk, transaction, 'vulnerability_device_identity', MAPPING_COLUMNS, rows);
}

/**
 * Stored identities of the organisation that no device carries any more (one index probe per
 * identity, not a count over every device).
 */
export async function findUnusedIdentities(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('vulnerability_identity as i')
    .select('i.identity_key')
    .where('i.organisation_id', '=', organisationId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('vulnerability_device_identity as m')
            .select('m.device_id')
            .whereRef('m.organisation_id', '=', 'i.organisation_id')
            .whereRef('m.identity_key', '=', 'i.identity_key')
            // LIMIT keeps PostgreSQL from turning this into an anti-join: right after a first
            // mapping its statistics still say the table is empty, and it sorted a million rows.
            .limit(1),
        ),
      ),
    )
    .execute();
  return rows.map((row) => row.identity_key);
}
