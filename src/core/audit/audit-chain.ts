import { createHash } from 'node:crypto';
import { canonicalJson } from '../catalog/content-hash';
import { toWellFormedDeep } from '../text/well-formed-text';

/** What changed, as recorded: the target's relevant state before and after the action. */
export interface AuditSummary {
  readonly before?: unknown;
  readonly after?: unknown;
}

/** One entry of an organisation's audit chain, linked to the previous one by `prevHash`. */
export interface AuditEntry {
  /** The organisation id, or '' for installation-wide events. */
  readonly chainKey: string;
  /** Position in the chain: 1, 2, 3… without gaps. */
  readonly seq: number;
  readonly id: string;
  /** ISO-8601 UTC. */
  readonly occurredAt: string;
  readonly organisationId: string | null;
  readonly actorUserId: string | null;
  /** Who acted, as shown to people (stays readable after the user is deleted). */
  readonly actorLabel: string;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string;
  readonly summary: AuditSummary;
  readonly requestId: string | null;
  readonly clientAddress: string | null;
  /** `hash` of the previous entry, or GENESIS_HASH for the first. */
  readonly prevHash: string;
  /** hashAuditEntry of every other field. */
  readonly hash: string;
}

/** An entry before its own hash is computed. */
export type UnhashedAuditEntry = Omit<AuditEntry, 'hash'>;

/** The newest entry of a chain as recorded beside it; catches entries deleted at the end. */
export interface AuditChainHead {
  readonly chainKey: string;
  readonly lastSeq: number;
  readonly lastHash: string;
}

/** `prevHash` of the first entry of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** The chain an organisation's events go to; installation-wide events (null) share the '' chain. */
export function auditChainKey(organisationId: string | null): string {
  return organisationId ?? '';
}

/**
 * Keeps only `before` and `after` in the form they will have after a round trip through stored
 * JSON (dates as strings, undefined dropped), so a freshly appended entry hashes like its stored copy.
 */
export function normaliseAuditSummary(summary: AuditSummary): AuditSummary {
  return JSON.parse(canonicalJson({ before: summary.before, after: summary.after })) as AuditSummary;
}

/**
 * The entry as it can be stored exactly: every string well-formed (lone surrogates become U+FFFD),
 * so the UTF-8 bytes a database keeps are the bytes that were hashed. Appends store this form.
 */
export function toStorableAuditEntry(entry: UnhashedAuditEntry): UnhashedAuditEntry {
  return toWellFormedDeep(entry);
}

/** sha256 (hex) over the canonical JSON (well-formed UTF-8) of every field except `hash`. */
export function hashAuditEntry(entry: UnhashedAuditEntry): string {
  // Listed field by field (the type rejects a missing one) so that extra properties on the
  // argument, such as an AuditEntry's own hash, never change what is hashed.
  const hashed: Record<keyof UnhashedAuditEntry, unknown> = {
    chainKey: entry.chainKey,
    seq: entry.seq,
    id: entry.id,
    occurredAt: entry.occurredAt,
    organisationId: entry.organisationId,
    actorUserId: entry.actorUserId,
    actorLabel: entry.actorLabel,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    summary: entry.summary,
    requestId: entry.requestId,
    clientAddress: entry.clientAddress,
    prevHash: entry.prevHash,
  };
  return createHash('sha256')
    .update(canonicalJson(toWellFormedDeep(hashed)), 'utf8')
    .digest('hex');
}

/**
 * What is wrong at the first broken link:
 * - `edited`: the entry's content does not match its own hash;
 * - `deleted_before`: entries before it are missing (seq jumps and the link to the previous entry is broken);
 * - `inserted`: it is not linked to the previous entry although seq follows on, or the head never recorded it
 *   (inserted, or the entry before it was replaced);
 * - `sequence_gap`: linked to the previous entry, yet its seq does not follow on;
 * - `head_mismatch`: the head does not point at the last entry (entries deleted or replaced at the end);
 * - `head_missing`: the chain has entries but no head.
 */
export type ChainProblem = 'edited' | 'deleted_before' | 'inserted' | 'sequence_gap' | 'head_mismatch' | 'head_missing';

/** Where a chain first breaks. `id` is null when that entry no longer exists (deleted at the end). */
export interface ChainBreak {
  readonly seq: number;
  readonly id: string | null;
  readonly problem: ChainProblem;
}

/** The outcome of verifying one chain; `count` is how many entries it holds. */
export type ChainVerification =
  | { readonly ok: true; readonly count: number }
  | { readonly ok: false; readonly count: number; readonly brokenAt: ChainBreak };

/**
 * Verifies one chain's entries (sorted by seq) and reports the first broken link. Pass the chain's
 * head to also catch entries deleted at the end (null: the head is missing); omit it to check links only.
 */
export function verifyChain(entries: readonly AuditEntry[], head?: AuditChainHead | null): ChainVerification {
  const count = entries.length;
  let previous: AuditEntry | undefined;
  for (const entry of entries) {
    const problem = findEntryProblem(entry, previous, head);
    if (problem) return { ok: false, count, brokenAt: { seq: entry.seq, id: entry.id, problem } };
    previous = entry;
  }
  const headBreak = head === undefined ? undefined : findHeadBreak(previous, head);
  return headBreak ? { ok: false, count, brokenAt: headBreak } : { ok: true, count };
}

function findEntryProblem(
  entry: AuditEntry,
  previous: AuditEntry | undefined,
  head: AuditChainHead | null | undefined,
): ChainProblem | undefined {
  // Every append moves the head in the same transaction, so an entry past it was written around the trail.
  if (head && entry.seq > head.lastSeq) return 'inserted';
  if (hashAuditEntry(entry) !== entry.hash) return 'edited';
  const expectedSeq = previous ? previous.seq + 1 : 1;
  const isLinked = entry.prevHash === (previous?.hash ?? GENESIS_HASH);
  if (entry.seq < expectedSeq) return 'inserted';
  if (entry.seq > expectedSeq) return isLinked ? 'sequence_gap' : 'deleted_before';
  return isLinked ? undefined : 'inserted';
}

function findHeadBreak(last: AuditEntry | undefined, head: AuditChainHead | null): ChainBreak | undefined {
  if (head === null) return last ? { seq: last.seq, id: last.id, problem: 'head_missing' } : undefined;
  const lastSeq = last?.seq ?? 0;
  if (head.lastSeq > lastSeq) return { seq: lastSeq + 1, id: null, problem: 'head_mismatch' };
  if (head.lastHash !== (last?.hash ?? GENESIS_HASH))
    return { seq: lastSeq, id: last?.id ?? null, problem: 'head_mismatch' };
  return undefined;
}
