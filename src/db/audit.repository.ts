import { PostgresAdapter, type Kysely, type Selectable, type Transaction } from 'kysely';
import {
  GENESIS_HASH,
  auditChainKey,
  hashAuditEntry,
  normaliseAuditSummary,
  toStorableAuditEntry,
  type AuditChainHead,
  type AuditEntry,
  type AuditSummary,
  type UnhashedAuditEntry,
} from '../core/audit/audit-chain';
import { canonicalJson } from '../core/catalog/content-hash';
import type { AuditChainHeadTable, AuditEventTable } from './audit.table';
import type { DatabaseSchema } from './database';

/** One event to record; the repository adds chain, seq and hashes. Request facts may be omitted. */
export type AuditEventInput = Omit<
  AuditEntry,
  'chainKey' | 'seq' | 'prevHash' | 'hash' | 'requestId' | 'clientAddress'
> & {
  readonly requestId?: string | null;
  readonly clientAddress?: string | null;
};

/**
 * Appends an event to its organisation's chain inside the caller's transaction, so the change and
 * its audit entry commit (or roll back) together. Appends to one chain are serialised: on
 * PostgreSQL by a row lock on the chain head held until commit, on SQLite by its single writer.
 */
export async function appendAuditEvent(
  transaction: Transaction<DatabaseSchema>,
  input: AuditEventInput,
): Promise<AuditEntry> {
  const chainKey = auditChainKey(input.organisationId);
  const head = await lockChainHead(transaction, chainKey);
  const unhashed: UnhashedAuditEntry = toStorableAuditEntry({
    chainKey,
    seq: head.lastSeq + 1,
    id: input.id,
    occurredAt: input.occurredAt,
    organisationId: input.organisationId,
    actorUserId: input.actorUserId,
    actorLabel: input.actorLabel,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId,
    summary: normaliseAuditSummary(input.summary),
    requestId: input.requestId ?? null,
    clientAddress: input.clientAddress ?? null,
    prevHash: head.lastHash,
  });
  const entry: AuditEntry = { ...unhashed, hash: hashAuditEntry(unhashed) };
  await transaction.insertInto('audit_event').values(toRow(entry)).execute();
  await transaction
    .updateTable('audit_chain_head')
    .set({ last_seq: entry.seq, last_hash: entry.hash })
    .where('chain_key', '=', chainKey)
    .execute();
  return entry;
}

async function lockChainHead(transaction: Transaction<DatabaseSchema>, chainKey: string): Promise<AuditChainHead> {
  // FOR UPDATE cannot lock a row that does not exist yet, so the first appends to a new chain would
  // both take seq 1. Creating the empty head first makes them queue on its unique key instead.
  await transaction
    .insertInto('audit_chain_head')
    .values({ chain_key: chainKey, last_seq: 0, last_hash: GENESIS_HASH })
    .onConflict((conflict) => conflict.column('chain_key').doNothing())
    .execute();
  const row = await transaction
    .selectFrom('audit_chain_head')
    .selectAll()
    .where('chain_key', '=', chainKey)
    .$if(hasRowLocks(transaction), (query) => query.forUpdate())
    .executeTakeFirstOrThrow();
  return toHead(row);
}

/**
 * True on PostgreSQL. Asked of the query builder itself, rather than taken as a parameter, so every
 * audited write calls appendAuditEvent(transaction, input) without threading the dialect through.
 * SQLite has no row locks (FOR UPDATE is a syntax error there) and needs none: one writer per file.
 * getExecutor() is marked internal in Kysely (pinned ~0.28); the repository tests on both dialects
 * fail if it changes.
 */
function hasRowLocks(db: Kysely<DatabaseSchema>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Filters for one organisation's events; pages by seq (keyset), never by offset. */
export interface AuditEventQuery {
  /** null for the installation-wide chain. */
  readonly organisationId: string | null;
  readonly userId?: string;
  readonly action?: string;
  /** Inclusive ISO-8601 UTC lower bound on occurredAt. */
  readonly from?: string;
  /** Exclusive ISO-8601 UTC upper bound on occurredAt. */
  readonly to?: string;
  /** Oldest first (the default, as verification and exports read) or newest first (as people read). */
  readonly newestFirst?: boolean;
  /** Oldest first: return only entries after this seq (the previous page's nextSeq). */
  readonly afterSeq?: number;
  /** Newest first: return only entries before this seq (the previous page's nextSeq). */
  readonly beforeSeq?: number;
  readonly limit: number;
}

/** One page of events in the asked order; nextSeq continues it and is null on the last page. */
export interface AuditEventPage {
  readonly entries: readonly AuditEntry[];
  readonly nextSeq: number | null;
}

/** Lists an organisation's events matching the filters, one keyset page at a time. */
export async function listAuditEvents(db: Kysely<DatabaseSchema>, query: AuditEventQuery): Promise<AuditEventPage> {
  let select = db.selectFrom('audit_event').selectAll().where('chain_key', '=', auditChainKey(query.organisationId));
  if (query.userId !== undefined) select = select.where('actor_user_id', '=', query.userId);
  if (query.action !== undefined) select = select.where('action', '=', query.action);
  if (query.from !== undefined) select = select.where('occurred_at', '>=', query.from);
  if (query.to !== undefined) select = select.where('occurred_at', '<', query.to);
  if (query.afterSeq !== undefined) select = select.where('seq', '>', query.afterSeq);
  if (query.beforeSeq !== undefined) select = select.where('seq', '<', query.beforeSeq);
  const rows = await select
    .orderBy('seq', query.newestFirst ? 'desc' : 'asc')
    .limit(query.limit)
    .execute();
  const entries = rows.map(toEntry);
  const last = entries.at(-1);
  return { entries, nextSeq: last && entries.length === query.limit ? last.seq : null };
}

/** The distinct actors and actions of one organisation's trail: the choices of the audit filters. */
export interface AuditFacets {
  /** Users who acted, with the label recorded at the time (the latest one when it changed). */
  readonly actors: readonly { readonly userId: string; readonly label: string }[];
  readonly actions: readonly string[];
}

/** Lists who acted and which actions occur in an organisation's trail (sorted by label and code). */
export async function listAuditFacets(db: Kysely<DatabaseSchema>, organisationId: string): Promise<AuditFacets> {
  const chainKey = auditChainKey(organisationId);
  const actorRows = await db
    .selectFrom('audit_event')
    .select(['actor_user_id', 'actor_label', 'seq'])
    .where('chain_key', '=', chainKey)
    .where('actor_user_id', 'is not', null)
    .where(({ eb, selectFrom }) =>
      eb(
        'seq',
        '=',
        selectFrom('audit_event as latest')
          .select(({ fn }) => fn.max('latest.seq').as('seq'))
          .whereRef('latest.chain_key', '=', 'audit_event.chain_key')
          .whereRef('latest.actor_user_id', '=', 'audit_event.actor_user_id'),
      ),
    )
    .execute();
  const actionRows = await db
    .selectFrom('audit_event')
    .select('action')
    .distinct()
    .where('chain_key', '=', chainKey)
    .execute();
  // Sorted here so both dialects agree whatever their collation.
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    actors: actorRows
      .map((row) => ({ userId: row.actor_user_id ?? '', label: row.actor_label }))
      .sort((a, b) => byText(a.label, b.label)),
    actions: actionRows.map((row) => row.action).sort(byText),
  };
}

/** Every entry of one chain, by seq: what verification reads. */
export async function readAuditChain(db: Kysely<DatabaseSchema>, chainKey: string): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_event')
    .selectAll()
    .where('chain_key', '=', chainKey)
    .orderBy('seq')
    .execute();
  return rows.map(toEntry);
}

/** The recorded head of one chain, or null when there is none. */
export async function readAuditChainHead(db: Kysely<DatabaseSchema>, chainKey: string): Promise<AuditChainHead | null> {
  const row = await db.selectFrom('audit_chain_head').selectAll().where('chain_key', '=', chainKey).executeTakeFirst();
  return row ? toHead(row) : null;
}

/** Every chain that has entries or a head (so a chain whose rows were all deleted still shows), sorted. */
export async function listAuditChainKeys(db: Kysely<DatabaseSchema>): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_event')
    .select('chain_key')
    .union(db.selectFrom('audit_chain_head').select('chain_key'))
    .execute();
  // Sorted here rather than in SQL so both dialects agree whatever their collation.
  return rows.map((row) => row.chain_key).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function toRow(entry: AuditEntry): AuditEventTable {
  return {
    chain_key: entry.chainKey,
    seq: entry.seq,
    id: entry.id,
    occurred_at: entry.occurredAt,
    organisation_id: entry.organisationId,
    actor_user_id: entry.actorUserId,
    actor_label: entry.actorLabel,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId,
    summary: canonicalJson(entry.summary),
    request_id: entry.requestId,
    client_address: entry.clientAddress,
    prev_hash: entry.prevHash,
    hash: entry.hash,
  };
}

function toEntry(row: Selectable<AuditEventTable>): AuditEntry {
  return {
    chainKey: row.chain_key,
    seq: row.seq,
    id: row.id,
    occurredAt: row.occurred_at,
    organisationId: row.organisation_id,
    actorUserId: row.actor_user_id,
    actorLabel: row.actor_label,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    summary: parseSummary(row.summary),
    requestId: row.request_id,
    clientAddress: row.client_address,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function parseSummary(text: string): AuditSummary {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed;
  } catch {
    // Falls through: only tampering produces text that is not a JSON object.
  }
  // Appends store only before/after, so this shape never hashes like a real entry: verification
  // reports the row as edited instead of failing to read the chain.
  const unreadable: AuditSummary & { readonly unreadableSummary: string } = { unreadableSummary: text };
  return unreadable;
}

function toHead(row: Selectable<AuditChainHeadTable>): AuditChainHead {
  return { chainKey: row.chain_key, lastSeq: row.last_seq, lastHash: row.last_hash };
}
