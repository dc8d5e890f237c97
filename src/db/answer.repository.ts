import type { Kysely } from 'kysely';
import type { AnswerState, CheckState } from '../core/assessment/answer-rules';
import type { AnswerResult, ReviewState } from '../core/assessment/assessment.types';
import type { DatabaseSchema } from './database';

/** A saved answer of one item; items never saved have no row (version 0 to the outside). */
export interface StoredAnswer extends AnswerState {
  readonly itemId: string;
  readonly version: number;
  readonly updatedAt: string;
  readonly updatedBy: string | null;
}

/** One entry of an answer's history: the whole answer before and after a change. */
export interface AnswerHistoryEntry {
  readonly version: number;
  readonly changedAt: string;
  readonly changedBy: string | null;
  readonly before: AnswerState | null;
  readonly after: AnswerState;
}

type Db = Kysely<DatabaseSchema>;
type Row = DatabaseSchema['answer'];

const toAnswer = (row: Row): StoredAnswer => ({
  itemId: row.item_id,
  result: row.result as AnswerResult,
  justification: row.justification,
  comment: row.comment,
  checks: JSON.parse(row.checks) as Record<string, CheckState>,
  assigneeUserId: row.assignee_user_id,
  dueDate: row.due_date,
  reviewState: row.review_state as ReviewState,
  returnReason: row.return_reason,
  version: Number(row.version),
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
});

const toColumns = (answer: StoredAnswer) => ({
  result: answer.result,
  justification: answer.justification,
  comment: answer.comment,
  checks: JSON.stringify(answer.checks),
  assignee_user_id: answer.assigneeUserId,
  due_date: answer.dueDate,
  review_state: answer.reviewState,
  return_reason: answer.returnReason,
  version: answer.version,
  updated_at: answer.updatedAt,
  updated_by: answer.updatedBy,
});

export async function findAnswer(
  db: Db,
  organisationId: string,
  assessmentId: string,
  itemId: string,
): Promise<StoredAnswer | undefined> {
  const row = await db
    .selectFrom('answer')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('assessment_id', '=', assessmentId)
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  return row ? toAnswer(row) : undefined;
}

/** Every saved answer of an assessment, by item id. */
export async function listAnswers(
  db: Db,
  organisationId: string,
  assessmentId: string,
): Promise<Map<string, StoredAnswer>> {
  const rows = await db
    .selectFrom('answer')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('assessment_id', '=', assessmentId)
    .execute();
  return new Map(rows.map((row) => [row.item_id, toAnswer(row)]));
}

/** The results of several assessments at once (for lists and comparisons): assessment id → item id → result. */
export async function listAnswerResults(
  db: Db,
  organisationId: string,
  assessmentIds: readonly string[],
): Promise<Map<string, Map<string, AnswerResult>>> {
  const byAssessment = new Map<string, Map<string, AnswerResult>>(assessmentIds.map((id) => [id, new Map()]));
  if (assessmentIds.length === 0) return byAssessment;
  const rows = await db
    .selectFrom('answer')
    .select(['assessment_id', 'item_id', 'result'])
    .where('organisation_id', '=', organisationId)
    .where('assessment_id', 'in', [...assessmentIds])
    .execute();
  for (const row of rows) byAssessment.get(row.assessment_id)?.set(row.item_id, row.result as AnswerResult);
  return byAssessment;
}

/** Inserts a first answer; false when a row already exists (someone saved the item first). */
export async function insertAnswer(
  db: Db,
  organisationId: string,
  assessmentId: string,
  answer: StoredAnswer,
): Promise<boolean> {
  const result = await db
    .insertInto('answer')
    .values({
      assessment_id: assessmentId,
      item_id: answer.itemId,
      organisation_id: organisationId,
      ...toColumns(answer),
    })
    .onConflict((conflict) => conflict.columns(['assessment_id', 'item_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/**
 * Writes `answer` (whose version is already the next one) only if the stored version is still
 * `expectedVersion`; false means someone else saved first.
 */
export async function updateAnswer(
  db: Db,
  organisationId: string,
  assessmentId: string,
  answer: StoredAnswer,
  expectedVersion: number,
): Promise<boolean> {
  const result = await db
    .updateTable('answer')
    .set(toColumns(answer))
    .where('organisation_id', '=', organisationId)
    .where('assessment_id', '=', assessmentId)
    .where('item_id', '=', answer.itemId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertAnswerHistory(
  db: Db,
  organisationId: string,
  entry: AnswerHistoryEntry & { id: string; assessmentId: string; itemId: string },
): Promise<void> {
  await db
    .insertInto('answer_history')
    .values({
      id: entry.id,
      assessment_id: entry.assessmentId,
      item_id: entry.itemId,
      organisation_id: organisationId,
      version: entry.version,
      changed_at: entry.changedAt,
      changed_by: entry.changedBy,
      before: entry.before === null ? null : JSON.stringify(entry.before),
      after: JSON.stringify(entry.after),
    })
    .execute();
}

/** An item's history, newest first. */
export async function listAnswerHistory(
  db: Db,
  organisationId: string,
  assessmentId: string,
  itemId: string,
): Promise<AnswerHistoryEntry[]> {
  const rows = await db
    .selectFrom('answer_history')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('assessment_id', '=', assessmentId)
    .where('item_id', '=', itemId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((row) => ({
    version: Number(row.version),
    changedAt: row.changed_at,
    changedBy: row.changed_by,
    before: row.before === null ? null : (JSON.parse(row.before) as AnswerState),
    after: JSON.parse(row.after) as AnswerState,
  }));
}
