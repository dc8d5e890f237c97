import type { Kysely } from 'kysely';
import type {
  AnswerResult,
  AssessmentStatus,
  FindingStatus,
  Priority,
  ReviewState,
} from '../core/assessment/assessment.types';
import { OPEN_FINDING_STATUSES } from './assessment-facts.repository';
import type { DatabaseSchema } from './database';

// Read-only views across an organisation's assessments for the home page. Nothing here writes.

type Db = Kysely<DatabaseSchema>;

/** Assessments whose answers are still being worked on (not done, not archived). */
export const ACTIVE_ASSESSMENT_STATUSES: readonly AssessmentStatus[] = ['planned', 'in_progress', 'in_review'];

/** An answer assigned to someone, with where it lives. */
export interface AssignedAnswer {
  readonly assessmentId: string;
  readonly assessmentTitle: string;
  readonly systemName: string;
  readonly itemId: string;
  readonly result: AnswerResult;
  readonly reviewState: ReviewState;
  readonly dueDate: string | null;
}

/**
 * Answers assigned to `userId` in the organisation's active assessments that still need work (not
 * accepted), soonest due first (no due date last), then by assessment and item.
 */
export async function listAssignedAnswers(db: Db, organisationId: string, userId: string): Promise<AssignedAnswer[]> {
  const rows = await db
    .selectFrom('answer')
    .innerJoin('assessment', (join) =>
      join
        .onRef('assessment.id', '=', 'answer.assessment_id')
        .onRef('assessment.organisation_id', '=', 'answer.organisation_id'),
    )
    .innerJoin('iot_system', (join) =>
      join
        .onRef('iot_system.id', '=', 'assessment.system_id')
        .onRef('iot_system.organisation_id', '=', 'assessment.organisation_id'),
    )
    .select([
      'answer.assessment_id',
      'assessment.title',
      'iot_system.name as system_name',
      'answer.item_id',
      'answer.result',
      'answer.review_state',
      'answer.due_date',
    ])
    .where('answer.organisation_id', '=', organisationId)
    .where('answer.assignee_user_id', '=', userId)
    .where('answer.review_state', '!=', 'accepted')
    .where('assessment.status', 'in', [...ACTIVE_ASSESSMENT_STATUSES])
    .execute();
  return rows
    .map((row) => ({
      assessmentId: row.assessment_id,
      assessmentTitle: row.title,
      systemName: row.system_name,
      itemId: row.item_id,
      result: row.result as AnswerResult,
      reviewState: row.review_state as ReviewState,
      dueDate: row.due_date,
    }))
    .sort(byDueDateThen((answer) => `${answer.assessmentId}/${answer.itemId}`));
}

/** A finding that still needs work, with where it lives. */
export interface OpenFindingSummary {
  readonly id: string;
  readonly assessmentId: string;
  readonly assessmentTitle: string;
  readonly systemName: string;
  readonly itemId: string;
  readonly issue: string;
  readonly priority: Priority;
  readonly status: FindingStatus;
  readonly ownerName: string;
  readonly dueDate: string | null;
}

/**
 * The organisation's open findings (open or in progress) across every assessment, soonest due first
 * (no due date last), then oldest first.
 */
export async function listOrganisationOpenFindings(db: Db, organisationId: string): Promise<OpenFindingSummary[]> {
  const rows = await db
    .selectFrom('finding')
    .innerJoin('assessment', (join) =>
      join
        .onRef('assessment.id', '=', 'finding.assessment_id')
        .onRef('assessment.organisation_id', '=', 'finding.organisation_id'),
    )
    .innerJoin('iot_system', (join) =>
      join
        .onRef('iot_system.id', '=', 'assessment.system_id')
        .onRef('iot_system.organisation_id', '=', 'assessment.organisation_id'),
    )
    .select([
      'finding.id',
      'finding.assessment_id',
      'assessment.title',
      'iot_system.name as system_name',
      'finding.item_id',
      'finding.issue',
      'finding.priority',
      'finding.status',
      'finding.owner_name',
      'finding.due_date',
      'finding.created_at',
    ])
    .where('finding.organisation_id', '=', organisationId)
    .where('finding.status', 'in', [...OPEN_FINDING_STATUSES])
    .execute();
  return rows
    .sort((a, b) => compareText(a.created_at, b.created_at) || compareText(a.id, b.id))
    .map((row) => ({
      id: row.id,
      assessmentId: row.assessment_id,
      assessmentTitle: row.title,
      systemName: row.system_name,
      itemId: row.item_id,
      issue: row.issue,
      priority: row.priority as Priority,
      status: row.status as FindingStatus,
      ownerName: row.owner_name,
      dueDate: row.due_date,
    }))
    .sort(byDueDateThen(() => ''));
}

// Ordered here rather than in SQL: the dialects sort NULLs differently.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byDueDateThen<T extends { dueDate: string | null }>(key: (value: T) => string) {
  return (a: T, b: T): number => {
    if (a.dueDate !== b.dueDate) {
      if (a.dueDate === null) return 1;
      if (b.dueDate === null) return -1;
      return compareText(a.dueDate, b.dueDate);
    }
    return compareText(key(a), key(b));
  };
}
