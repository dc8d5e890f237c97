import { sql, type Kysely } from 'kysely';
import { confirmationKey, type ConfirmationDecision } from '../../core/vulnerabilities/confirmation-overlay';
import type { DatabaseSchema } from '../database';
import type { VulnerabilityConfirmationTable } from './confirmation.table';

// The confirmation queue: unparsed version texts (advisory_unparsed_term, shared) and each
// organisation's decisions on them (vulnerability_confirmation). Pending = no decision yet.

type Db = Kysely<DatabaseSchema>;

/**
 * The decisions of one organisation on the unparsed texts of the given advisories (all its
 * visible advisories with texts when `advisoryIds` is absent), per advisory id, keyed by
 * confirmationKey(product, text): what the matcher passes to applyConfirmations.
 */
export async function listConfirmationDecisions(
  db: Db,
  organisationId: string,
  advisoryIds?: readonly string[],
): Promise<Map<string, Map<string, ConfirmationDecision>>> {
  if (advisoryIds && advisoryIds.length === 0) return new Map();
  let query = db
    .selectFrom('vulnerability_confirmation as c')
    .innerJoin('advisory as a', (join) =>
      join.onRef('a.source', '=', 'c.source').onRef('a.tracking_id', '=', 'c.tracking_id'),
    )
    .select(['a.id as advisoryId', 'c.product', 'c.text', 'c.status', 'c.versions'])
    .where('c.organisation_id', '=', organisationId)
    .where('a.scope_key', 'in', ['*', organisationId]);
  if (advisoryIds) query = query.where('a.id', 'in', [...advisoryIds]);
  const byAdvisory = new Map<string, Map<string, ConfirmationDecision>>();
  for (const row of await query.execute()) {
    const decisions = byAdvisory.get(row.advisoryId) ?? new Map<string, ConfirmationDecision>();
    decisions.set(
      confirmationKey(row.product, row.text),
      row.status === 'confirmed' && row.versions
        ? { status: 'confirmed', versions: JSON.parse(row.versions) as never }
        : { status: 'rejected' },
    );
    byAdvisory.set(row.advisoryId, decisions);
  }
  return byAdvisory;
}

/** A term of an advisory the organisation can see, with the organisation's decision on it. */
export interface ConfirmationRow {
  readonly termId: string;
  readonly advisoryId: string;
  readonly source: string;
  readonly trackingId: string;
  readonly advisoryTitle: string;
  readonly product: string;
  readonly text: string;
  readonly decision: VulnerabilityConfirmationTable | null;
}

function termsQuery(db: Db, organisationId: string) {
  return db
    .selectFrom('advisory_unparsed_term as t')
    .innerJoin('advisory as a', 'a.id', 't.advisory_id')
    .leftJoin('vulnerability_confirmation as c', (join) =>
      join
        .onRef('c.source', '=', 'a.source')
        .onRef('c.tracking_id', '=', 'a.tracking_id')
        .onRef('c.product', '=', 't.product')
        .onRef('c.text', '=', 't.text')
        .on('c.organisation_id', '=', organisationId),
    )
    .where('a.scope_key', 'in', ['*', organisationId])
    .where(sql<boolean>`not a.withdrawn`)
    .select([
      't.id as termId',
      'a.id as advisoryId',
      'a.source',
      'a.tracking_id as trackingId',
      'a.title as advisoryTitle',
      't.product',
      't.text',
      'c.id as decisionId',
      'c.status',
      'c.versions',
      'c.version',
      'c.decided_by',
      'c.decided_at',
    ]);
}

type TermRow = Awaited<ReturnType<ReturnType<typeof termsQuery>['execute']>>[number];

function toConfirmationRow(row: TermRow, organisationId: string): ConfirmationRow {
  return {
    termId: row.termId,
    advisoryId: row.advisoryId,
    source: row.source,
    trackingId: row.trackingId,
    advisoryTitle: row.advisoryTitle,
    product: row.product,
    text: row.text,
    decision:
      row.decisionId === null
        ? null
        : {
            id: row.decisionId,
            organisation_id: organisationId,
            source: row.source,
            tracking_id: row.trackingId,
            product: row.product,
            text: row.text,
            status: row.status ?? 'rejected',
            versions: row.versions ?? null,
            version: Number(row.version ?? 0),
            decided_by: row.decided_by ?? '',
            decided_at: row.decided_at ?? '',
          },
  };
}

/** The organisation's queue in one state (pending = undecided), by advisory and term, at most `limit`. */
export async function listConfirmations(
  db: Db,
  organisationId: string,
  status: 'pending' | 'confirmed' | 'rejected',
  limit: number,
): Promise<ConfirmationRow[]> {
  let query = termsQuery(db, organisationId);
  query = status === 'pending' ? query.where('c.id', 'is', null) : query.where('c.status', '=', status);
  const rows = await query.orderBy('a.tracking_id').orderBy('t.term_path').limit(limit).execute();
  return rows.map((row) => toConfirmationRow(row, organisationId));
}

/** How many unparsed texts of visible advisories wait for the organisation's decision. */
export async function countPendingConfirmations(db: Db, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('advisory_unparsed_term as t')
    .innerJoin('advisory as a', 'a.id', 't.advisory_id')
    .leftJoin('vulnerability_confirmation as c', (join) =>
      join
        .onRef('c.source', '=', 'a.source')
        .onRef('c.tracking_id', '=', 'a.tracking_id')
        .onRef('c.product', '=', 't.product')
        .onRef('c.text', '=', 't.text')
        .on('c.organisation_id', '=', organisationId),
    )
    .where('a.scope_key', 'in', ['*', organisationId])
    .where(sql<boolean>`not a.withdrawn`)
    .where('c.id', 'is', null)
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** One term with the organisation's decision, or undefined when the term is not visible to it. */
export async function findConfirmation(
  db: Db,
  organisationId: string,
  termId: string,
): Promise<ConfirmationRow | undefined> {
  const row = await termsQuery(db, organisationId).where('t.id', '=', termId).executeTakeFirst();
  return row && toConfirmationRow(row, organisationId);
}

export async function insertConfirmation(db: Db, row: VulnerabilityConfirmationTable): Promise<void> {
  await db.insertInto('vulnerability_confirmation').values(row).execute();
}

/** Records a new decision over `expectedVersion`; false when someone else decided in between. */
export async function updateConfirmation(
  db: Db,
  id: string,
  expectedVersion: number,
  change: Pick<VulnerabilityConfirmationTable, 'status' | 'versions' | 'decided_by' | 'decided_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('vulnerability_confirmation')
    .set({ ...change, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
