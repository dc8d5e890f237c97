import type SqliteDatabase from 'better-sqlite3';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AffectedRule } from '../../core/vulnerabilities/advisory.types';
import type { SbomFacts } from '../../core/vulnerabilities/match-identity';
import type {
  DeviceIdentity,
  IdentityMatch,
  MatchConfidence,
  MatchReason,
} from '../../core/vulnerabilities/match.types';
import type { UnknownVersion } from '../../core/vulnerabilities/matcher';
import type { DatabaseSchema } from '../database';
import type { BulkConnection } from '../inventory/import-connection';
import { isSqlite } from './is-sqlite';
import { bulkApply, bulkInsert } from './match-bulk';

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;
const PAGE = 5_000;

/** The last run of an organisation's matching, or null before the first one. */
export interface MatchRunRecord {
  readonly id: string;
  readonly fullRun: boolean;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly advisoryRevision: number;
  readonly sbomFingerprint: string;
  readonly identities: number;
  readonly matches: number;
  readonly added: number;
  readonly removed: number;
  readonly advisoriesRead: number;
  readonly unknownCount: number;
  readonly unknowns: readonly UnknownVersion[];
}

/** The organisation's latest match run. */
export async function findLatestMatchRun(db: Db, organisationId: string): Promise<MatchRunRecord | null> {
  const row = await db
    .selectFrom('vulnerability_match_run')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('finished_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    fullRun: Boolean(row.full_run),
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    advisoryRevision: Number(row.advisory_revision),
    sbomFingerprint: row.sbom_fingerprint,
    identities: row.identity_count,
    matches: row.match_count,
    added: row.added_count,
    removed: row.removed_count,
    advisoriesRead: row.advisories_read,
    unknownCount: row.unknown_count,
    unknowns: JSON.parse(row.unknowns) as UnknownVersion[],
  };
}

/** Records a finished run. */
export async function insertMatchRun(
  db: Db,
  organisationId: string,
  requestedBy: string | null,
  run: MatchRunRecord,
): Promise<void> {
  await db
    .insertInto('vulnerability_match_run')
    .values({
      id: run.id,
      organisation_id: organisationId,
      requested_by: requestedBy,
      full_run: run.fullRun ? 1 : 0,
      started_at: run.startedAt,
      finished_at: run.finishedAt,
      advisory_revision: run.advisoryRevision,
      sbom_fingerprint: run.sbomFingerprint,
      identity_count: run.identities,
      match_count: run.matches,
      added_count: run.added,
      removed_count: run.removed,
      advisories_read: run.advisoriesRead,
      unknown_count: run.unknownCount,
      unknowns: JSON.stringify(run.unknowns),
    })
    .execute();
}

/**
 * Gives the statements that group and map a million devices room to hash them in memory
 * (PostgreSQL's 4 MB default spills both to disk), then takes it back (`false`) so the rest of the
 * run plans with the server's setting. SET LOCAL ends with the transaction anyway.
 */
export async function roomForGrouping(transaction: Transaction<DatabaseSchema>, on: boolean): Promise<void> {
  if (isSqlite(transaction)) return;
  await (on ? sql`SET LOCAL work_mem = '64MB'` : sql`SET LOCAL work_mem = DEFAULT`).execute(transaction);
}

/** The highest advisory revision handed out so far (advisories up to it are committed). */
export async function readAdvisoryRevision(db: Db): Promise<number> {
  const row = await db
    .selectFrom('advisory_revision_counter')
    .select('revision')
    .where('id', '=', 1)
    .executeTakeFirst();
  return Number(row?.revision ?? 0);
}

/** Count and latest import time of the organisation's SBOMs: changes when one is added or removed. */
export async function readSbomFingerprint(db: Db, organisationId: string): Promise<string> {
  const row = await db
    .selectFrom('sbom')
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.max('imported_at').as('latest')])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return `${Number(row?.n ?? 0)}|${row?.latest ?? ''}`;
}

/** The organisation's SBOMs with their components' purls and CPEs. */
export async function readSbomFacts(db: Db, organisationId: string): Promise<SbomFacts[]> {
  const rows = await db
    .selectFrom('sbom')
    .innerJoin('sbom_component', 'sbom_component.sbom_id', 'sbom.id')
    .select([
      'sbom.id',
      'sbom.manufacturer',
      'sbom.model',
      'sbom.device_id',
      'sbom_component.purl',
      'sbom_component.cpe',
    ])
    .where('sbom.organisation_id', '=', organisationId)
    .orderBy('sbom.id')
    .orderBy('sbom_component.position')
    .execute();
  const byId = new Map<
    string,
    { manufacturer: string; model: string; deviceId: string | null; purls: string[]; cpes: string[] }
  >();
  for (const row of rows) {
    let sbom = byId.get(row.id);
    if (!sbom) {
      sbom = {
        manufacturer: row.manufacturer,
        model: row.model,
        deviceId: row.device_id === null ? null : String(row.device_id),
        purls: [],
        cpes: [],
      };
      byId.set(row.id, sbom);
    }
    if (row.purl) sbom.purls.push(row.purl);
    if (row.cpe) sbom.cpes.push(row.cpe);
  }
  return [...byId.values()];
}

/** The stored identities of the organisation. */
export async function readIdentities(db: Db, organisationId: string): Promise<DeviceIdentity[]> {
  const rows = await db
    .selectFrom('vulnerability_identity')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .execute();
  return rows.map((row) => ({
    key: row.identity_key,
    manufacturer: row.manufacturer,
    model: row.model,
    firmwareVersion: row.firmware_version,
    cpes: JSON.parse(row.cpes) as string[],
    purls: JSON.parse(row.purls) as string[],
  }));
}

/** Stores new identities. */
export async function insertIdentities(
  bulk: BulkConnection,
  transaction: Transaction<DatabaseSchema>,
  organisationId: string,
  identities: readonly DeviceIdentity[],
  now: string,
): Promise<void> {
  const columns = [
    'organisation_id',
    'identity_key',
    'manufacturer',
    'model',
    'firmware_version',
    'cpes',
    'purls',
    'first_seen_at',
  ].map((name) => ({ name, pgType: 'text' as const }));
  await bulkInsert(
    bulk,
    transaction,
    'vulnerability_identity',
    columns,
    identities.map((identity) => [
      organisationId,
      identity.key,
      identity.manufacturer,
      identity.model,
      identity.firmwareVersion,
      JSON.stringify(identity.cpes),
      JSON.stringify(identity.purls),
      now,
    ]),
  );
}

/** Deletes identities no device carries any more; their matches go with them. Returns the matches removed. */
export async function deleteIdentities(
  transaction: Transaction<DatabaseSchema>,
  organisationId: string,
  keys: readonly string[],
): Promise<number> {
  let removed = 0;
  for (let start = 0; start < keys.length; start += 500) {
    const chunk = keys.slice(start, start + 500);
    const counted = await transaction
      .selectFrom('vulnerability_match')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('organisation_id', '=', organisationId)
      .where('identity_key', 'in', chunk)
      .executeTakeFirst();
    removed += Number(counted?.n ?? 0);
    await transaction
      .deleteFrom('vulnerability_match')
      .where('organisation_id', '=', organisationId)
      .where('identity_key', 'in', chunk)
      .execute();
    await transaction
      .deleteFrom('vulnerability_identity')
      .where('organisation_id', '=', organisationId)
      .where('identity_key', 'in', chunk)
      .execute();
  }
  return removed;
}

/** An advisory as the matcher reads it. */
export interface StoredAdvisoryRules {
  readonly id: string;
  readonly revision: number;
  readonly withdrawn: boolean;
  readonly rules: readonly AffectedRule[];
}

/** The rules of a stored advisory document, cut out by the database (the matcher needs nothing else). */
const rulesOf = (db: Db) =>
  isSqlite(db)
    ? sql<string | null>`json_extract(document, '$.rules')`
    : sql<string | null>`(document::json -> 'rules')::text`;

/**
 * The advisories an organisation sees (installation feeds and its own uploads), in pages by
 * (revision, id): those with `afterRevision` < revision ≤ `upToRevision`, or only `ids`. Only
 * the rules leave the database, each page parsed once. Pages walk the revision index (SQLite is
 * told so: left alone it reads the scope index and sorts every advisory for every page).
 */
export async function* readAdvisoryRules(
  db: Db,
  organisationId: string,
  range: { afterRevision: number; upToRevision: number } | { ids: readonly string[] },
): AsyncGenerator<StoredAdvisoryRules[]> {
  const toRules = (row: { id: string; revision: unknown; withdrawn: unknown; rules: string | null }) => ({
    id: row.id,
    revision: Number(row.revision),
    withdrawn: Boolean(Number(row.withdrawn)),
    rules: row.rules === null ? [] : (JSON.parse(row.rules) as AffectedRule[]),
  });
  const scopes = ['*', organisationId];
  if ('ids' in range) {
    for (let start = 0; start < range.ids.length; start += 500) {
      const rows = await db
        .selectFrom('advisory')
        .select(['id', 'revision', 'withdrawn', rulesOf(db).as('rules')])
        .where('scope_key', 'in', scopes)
        .where('id', 'in', range.ids.slice(start, start + 500))
        .execute();
      yield rows.map(toRules);
    }
    return;
  }
  const table = isSqlite(db) ? sql`advisory INDEXED BY advisory_revision_idx` : sql`advisory`;
  let after: { revision: number; id: string } = { revision: range.afterRevision, id: '' };
  for (;;) {
    const { rows } = await sql<{ id: string; revision: unknown; withdrawn: unknown; rules: string | null }>`
      SELECT id, revision, withdrawn, ${rulesOf(db)} AS rules FROM ${table}
      WHERE revision >= ${after.revision} AND (revision > ${after.revision} OR id > ${after.id})
        AND revision > ${range.afterRevision} AND revision <= ${range.upToRevision}
        AND scope_key IN (${sql.join(scopes)})
      ORDER BY revision, id LIMIT ${PAGE}`.execute(db);
    if (rows.length === 0) return;
    yield rows.map(toRules);
    const last = rows[rows.length - 1]!;
    after = { revision: Number(last.revision), id: last.id };
  }
}

/** How many advisories the organisation sees with `afterRevision` < revision ≤ `upToRevision` (revision index). */
export async function countAdvisories(
  db: Db,
  organisationId: string,
  range: { afterRevision: number; upToRevision: number },
): Promise<number> {
  const table = isSqlite(db) ? sql`advisory INDEXED BY advisory_revision_idx` : sql`advisory`;
  const { rows } = await sql<{ n: number | string }>`SELECT COUNT(*) AS n FROM ${table}
    WHERE revision > ${range.afterRevision} AND revision <= ${range.upToRevision}
      AND scope_key IN (${sql.join(['*', organisationId])})`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** A stored match: its key and when it was first seen. */
export type StoredMatchKeys = Map<string, string>;
/** The key of a stored match in StoredMatchKeys. */
export const matchKey = (identityKey: string, advisoryId: string) => `${identityKey}\u0000${advisoryId}`;

/** Stored matches (key → first matched time) of the organisation: all, or of the given advisories. */
export async function readStoredMatches(
  db: Db,
  organisationId: string,
  advisoryIds?: readonly string[],
): Promise<StoredMatchKeys> {
  const result: StoredMatchKeys = new Map();
  const base = db
    .selectFrom('vulnerability_match')
    .select(['identity_key', 'advisory_id', 'first_matched_at'])
    .where('organisation_id', '=', organisationId);
  const chunks = advisoryIds === undefined ? [undefined] : [];
  if (advisoryIds)
    for (let start = 0; start < advisoryIds.length; start += 500)
      chunks.push(advisoryIds.slice(start, start + 500) as never);
  for (const chunk of chunks as Array<readonly string[] | undefined>) {
    const rows = await (chunk ? base.where('advisory_id', 'in', chunk) : base).execute();
    for (const row of rows) result.set(matchKey(row.identity_key, row.advisory_id), row.first_matched_at);
  }
  return result;
}

const MATCH_COLUMNS = [
  { name: 'organisation_id', pgType: 'text' },
  { name: 'identity_key', pgType: 'text' },
  { name: 'advisory_id', pgType: 'text' },
  { name: 'confidence', pgType: 'text' },
  { name: 'reason', pgType: 'text' },
  { name: 'first_matched_at', pgType: 'text' },
  { name: 'last_matched_at', pgType: 'text' },
] as const;

/**
 * Writes the matches a run found for a part of the organisation (identities × advisories it
 * re-evaluated): new ones inserted, persisting ones get the new reason and last time (first time
 * kept), `gone` ones deleted.
 */
export async function writeMatches(
  bulk: BulkConnection,
  transaction: Transaction<DatabaseSchema>,
  organisationId: string,
  changes: {
    readonly added: readonly IdentityMatch[];
    readonly kept: readonly IdentityMatch[];
    readonly gone: ReadonlyArray<readonly [identityKey: string, advisoryId: string]>;
  },
  now: string,
  /** From this many new matches on, SQLite may rebuild the advisory index (tests lower it). */
  rebuildIndexFrom = 50_000,
): Promise<void> {
  const row = (match: IdentityMatch) => [
    organisationId,
    match.identityKey,
    match.advisoryId,
    match.reason.confidence,
    JSON.stringify(match.reason),
    now,
    now,
  ];
  await bulkApply(
    bulk,
    transaction,
    MATCH_COLUMNS.slice(0, 3),
    changes.gone.map(([identityKey, advisoryId]) => [organisationId, identityKey, advisoryId]),
    'DELETE FROM vulnerability_match WHERE organisation_id = ? AND identity_key = ? AND advisory_id = ?',
    (source) => sql`DELETE FROM vulnerability_match t USING ${source}
      WHERE t.organisation_id = v.organisation_id AND t.identity_key = v.identity_key AND t.advisory_id = v.advisory_id`,
  );
  await bulkApply(
    bulk,
    transaction,
    [...MATCH_COLUMNS.slice(3, 5), MATCH_COLUMNS[6], ...MATCH_COLUMNS.slice(0, 3)],
    changes.kept.map((match) => {
      const [org, identity, advisory, confidence, reason, , last] = row(match);
      return [confidence!, reason!, last!, org!, identity!, advisory!];
    }),
    `UPDATE vulnerability_match SET confidence = ?, reason = ?, last_matched_at = ?
     WHERE organisation_id = ? AND identity_key = ? AND advisory_id = ?`,
    (source) => sql`UPDATE vulnerability_match t SET confidence = v.confidence, reason = v.reason,
      last_matched_at = v.last_matched_at FROM ${source}
      WHERE t.organisation_id = v.organisation_id AND t.identity_key = v.identity_key AND t.advisory_id = v.advisory_id`,
  );
  // In primary-key order, so the index grows at its end instead of at random places.
  const added = [...changes.added].sort(
    (x, y) => compare(x.identityKey, y.identityKey) || compare(x.advisoryId, y.advisoryId),
  );
  const rebuild = bulk.dialect === 'sqlite' && rebuildAdvisoryIndex(bulk.sqlite, added.length, rebuildIndexFrom);
  // SQLite DDL is transactional: a rollback restores the index.
  if (rebuild) bulk.sqlite.exec(`DROP INDEX ${ADVISORY_INDEX}`);
  await bulkInsert(bulk, transaction, 'vulnerability_match', MATCH_COLUMNS, added.map(row));
  if (rebuild) bulk.sqlite.exec(`CREATE INDEX ${ADVISORY_INDEX} ON vulnerability_match (organisation_id, advisory_id)`);
}

const ADVISORY_INDEX = 'vulnerability_match_advisory_idx'; // migration 20261204-0002

/**
 * Inserting many matches in primary-key order scatters them over the (organisation, advisory)
 * index; building that index once afterwards over sorted keys costs about half. Worth it only
 * when the new rows outnumber the whole table (a first run), as the device import decides.
 * SQLite only: on PostgreSQL dropping an index locks the table for every other reader.
 */
function rebuildAdvisoryIndex(sqlite: SqliteDatabase.Database, adding: number, from: number): boolean {
  if (adding < from) return false;
  const total = sqlite.prepare('SELECT count(*) AS n FROM vulnerability_match').get() as { n: number };
  return adding > total.n;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Counts the organisation's stored matches. */
export async function countMatches(db: Db, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('vulnerability_match')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A match expanded to one device. */
export interface DeviceMatchRow {
  readonly deviceId: string;
  readonly identityKey: string;
  readonly advisoryId: string;
  readonly confidence: MatchConfidence;
  readonly reason: MatchReason;
  readonly firstMatchedAt: string;
  readonly lastMatchedAt: string;
}

const toDeviceMatch = (row: {
  device_id: number | string;
  identity_key: string;
  advisory_id: string;
  confidence: string;
  reason: string;
  first_matched_at: string;
  last_matched_at: string;
}): DeviceMatchRow => ({
  deviceId: String(row.device_id),
  identityKey: row.identity_key,
  advisoryId: row.advisory_id,
  confidence: row.confidence as MatchConfidence,
  reason: JSON.parse(row.reason) as MatchReason,
  firstMatchedAt: row.first_matched_at,
  lastMatchedAt: row.last_matched_at,
});

/**
 * Matches expanded to the devices that still exist: the mapping has no foreign key to the device
 * (migration 20261207-0001), and a match run racing a device delete may leave its row behind.
 */
function deviceMatches(db: Db, organisationId: string) {
  return db
    .selectFrom('vulnerability_device_identity as d')
    .innerJoin('device as v', 'v.id', 'd.device_id')
    .innerJoin('vulnerability_match as m', (join) =>
      join.onRef('m.organisation_id', '=', 'd.organisation_id').onRef('m.identity_key', '=', 'd.identity_key'),
    )
    .select([
      'd.device_id',
      'm.identity_key',
      'm.advisory_id',
      'm.confidence',
      'm.reason',
      'm.first_matched_at',
      'm.last_matched_at',
    ])
    .where('d.organisation_id', '=', organisationId);
}

/** The matches of the given devices of the organisation (as of the last match run). */
export async function listMatchesForDevices(
  db: Db,
  organisationId: string,
  deviceIds: readonly (string | number)[],
): Promise<DeviceMatchRow[]> {
  const result: DeviceMatchRow[] = [];
  for (let start = 0; start < deviceIds.length; start += 500) {
    const chunk = deviceIds.slice(start, start + 500).map(Number);
    const rows = await deviceMatches(db, organisationId)
      .where('d.device_id', 'in', chunk)
      .orderBy('d.device_id')
      .orderBy('m.advisory_id')
      .execute();
    result.push(...rows.map(toDeviceMatch));
  }
  return result;
}

/** The devices of the organisation an advisory affects (as of the last match run). */
export async function listMatchesForAdvisory(
  db: Db,
  organisationId: string,
  advisoryId: string,
): Promise<DeviceMatchRow[]> {
  const rows = await deviceMatches(db, organisationId)
    .where('m.advisory_id', '=', advisoryId)
    .orderBy('d.device_id')
    .execute();
  return rows.map(toDeviceMatch);
}
