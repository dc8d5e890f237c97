import type { Kysely } from 'kysely';
import type { FindingStatus, Priority } from '../core/assessment/assessment.types';
import type { DatabaseSchema } from './database';

// Read-only views of the evidence links and findings of an assessment, for answers and gaps.
// Those tables are written by the evidence and findings use cases; nothing here changes them.

/** Findings that still need work. */
export const OPEN_FINDING_STATUSES: readonly FindingStatus[] = ['open', 'in_progress'];

/** A finding as answers and gaps show it. */
export interface OpenFinding {
  readonly id: string;
  readonly assessmentId: string;
  readonly itemId: string;
  readonly deviceId: string | null;
  readonly issue: string;
  readonly impact: string;
  readonly recommendation: string;
  readonly priority: Priority;
  readonly ownerName: string;
  readonly dueDate: string | null;
  readonly status: FindingStatus;
  readonly acceptedBy: string | null;
  readonly acceptedReason: string | null;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

type Db = Kysely<DatabaseSchema>;

/** How many evidence records support each item of an assessment (one item when given). */
export async function countEvidenceLinks(db: Db, organisationId: string, assessmentId: string, itemId?: string): Promise<Map<string, number>> {
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
export async function countOpenFindings(db: Db, organisationId: string, assessmentId: string, itemId?: string): Promise<Map<string, number>> {
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
  return rows.map((row) => ({
    id: row.id,
    assessmentId: row.assessment_id,
    itemId: row.item_id,
    deviceId: row.device_id,
    issue: row.issue,
    impact: row.impact,
    recommendation: row.recommendation,
    priority: row.priority as Priority,
    ownerName: row.owner_name,
    dueDate: row.due_date,
    status: row.status as FindingStatus,
    acceptedBy: row.accepted_by,
    acceptedReason: row.accepted_reason,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}
