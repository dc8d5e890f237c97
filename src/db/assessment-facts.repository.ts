import type { Kysely } from 'kysely';
import type { FindingStatus } from '../core/assessment/assessment.types';
import type { DatabaseSchema } from './database';
import { toFinding, type FindingRecord } from './finding.repository';

// Read-only views of the evidence links and findings of an assessment, for answers and gaps.
// Those tables are written by the evidence and findings use cases; nothing here changes them.

/** Findings that still need work. */
export const OPEN_FINDING_STATUSES: readonly FindingStatus[] = ['open', 'in_progress'];

/** A finding as answers and gaps show it. */
export type OpenFinding = Omit<FindingRecord, 'organisationId'>;

type Db = Kysely<DatabaseSchema>;

/** How many evidence records support each item of an assessment (one item when given). */
export async function countEvidenceLinks(
  db: Db,
  organisationId: string,
  assessmentId: string,
  itemId?: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('answer_evidence')
    .select((eb) => ['item_id', eb.fn.countAll<string | number>().as('count')])
    .where('organisation_id', '=', organisationId)
    .where('assessment_id', '=', assessmentId)
    .$if(itemId !== undefined, (query) => query.where('item_id', '=', itemId ?? ''))
    .groupBy('item_id')
    .execute();
  return new Map(rows.map((row) => [row.item_id, Number(row.count)]));
}

/** How many open findings each item of an assessment has (one item when given). */
export async function countOpenFindings(
  db: Db,
  organisationId: string,
  assessmentId: string,
  itemId?: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('finding')
    .select((eb) => ['item_id', eb.fn.countAll<string | number>().as('count')])
    .where('organisation_id', '=', organisationId)
    .where('assessment_id', '=', assessmentId)
    .where('status', 'in', [...OPEN_FINDING_STATUSES])
    .$if(itemId !== undefined, (query) => query.where('item_id', '=', itemId ?? ''))
    .groupBy('item_id')
    .execute();
  return new Map(rows.map((row) => [row.item_id, Number(row.count)]));
}

/** The open findings of an assessment, oldest first. */
export async function listOpenFindings(db: Db, organisationId: string, assessmentId: string): Promise<OpenFinding[]> {
  const rows = await db
    .selectFrom('finding')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('assessment_id', '=', assessmentId)
    .where('status', 'in', [...OPEN_FINDING_STATUSES])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => {
    const { organisationId: _organisationId, ...finding } = toFinding(row);
    return finding;
  });
}
