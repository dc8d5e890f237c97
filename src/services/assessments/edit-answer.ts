import type { Kysely } from 'kysely';
import {
  answerContentProblems,
  type AnswerContent,
  type AnswerState,
  type CheckState,
} from '../../core/assessment/answer-rules';
import {
  listFrameworkItems,
  resolveCheckReference,
  resolveItemReference,
  type FrameworkItem,
} from '../../core/assessment/framework-items';
import type { Catalog } from '../../core/catalog/catalog.types';
import { DomainError, type ProblemDetail } from '../../core/domain-error';
import type { AnswerUpdate } from '../../contracts/assessment.schema';
import type { StoredAssessment } from '../../db/assessment.repository';
import type { DatabaseSchema } from '../../db/database';
import { findMembership } from '../../db/organisation.repository';

// Shared by the answer use cases (save one, save many, apply a document): how an edit becomes
// the next content of an answer, and what makes that content invalid.

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Where a problem is: a bare field for one answer, `answers[3].result` inside a list. */
export type Locate = (field: string) => Pick<ProblemDetail, 'path' | 'field'>;

/** Locates problems of one answer by field name. */
export const byField: Locate = (field) => ({ field });

/** Locates problems of the answer at `index` of a list named `list`. */
export function inList(list: string, index: number): Locate {
  return (field) => ({ path: `${list}[${index}].${field}`, field });
}

/** The item an id (`jssec-v2:25`) or code (`25`) names in the assessment's framework, or NOT_FOUND. */
export function requireItem(catalog: Catalog, assessment: StoredAssessment, reference: string): FrameworkItem {
  const item = resolveItemReference(
    listFrameworkItems(catalog, assessment.frameworkId),
    assessment.frameworkId,
    reference,
  );
  if (!item)
    throw new DomainError('NOT_FOUND', `${reference} is not an item of ${assessment.frameworkId}.`, [
      { field: 'itemId', reason: 'unknown item' },
    ]);
  return item;
}

/** Check keys written as codes (`25.1`) become ids (`jssec-v2:25.1`); unknown keys stay, to be reported. */
export function normaliseCheckKeys<T>(
  frameworkId: string,
  item: FrameworkItem,
  checks: Readonly<Record<string, T>>,
): Record<string, T> {
  return Object.fromEntries(
    Object.entries(checks).map(([key, value]) => [resolveCheckReference(item, frameworkId, key) ?? key, value]),
  );
}

/** The content an update asks for: fields left out stay; `checks`, when given, replaces them all. */
export function contentAfterUpdate(
  frameworkId: string,
  item: FrameworkItem,
  before: AnswerState,
  update: Omit<AnswerUpdate, 'version'>,
): AnswerContent {
  return {
    result: update.result ?? before.result,
    justification: update.justification ?? before.justification,
    comment: update.comment ?? before.comment,
    checks:
      update.checks === undefined ? before.checks : normaliseCheckKeys<CheckState>(frameworkId, item, update.checks),
    assigneeUserId: update.assigneeUserId === undefined ? before.assigneeUserId : update.assigneeUserId,
    dueDate: update.dueDate === undefined ? before.dueDate : update.dueDate,
  };
}

/** Everything wrong with the content: the item's rules, a due date that is no date, an assignee from outside. */
export async function editProblems(
  db: Kysely<DatabaseSchema>,
  organisationId: string,
  item: FrameworkItem,
  content: AnswerContent,
  at: Locate,
): Promise<ProblemDetail[]> {
  const problems = answerContentProblems(item, content, at);
  if (content.dueDate !== null && (!DAY.test(content.dueDate) || Number.isNaN(Date.parse(content.dueDate))))
    problems.push({ ...at('dueDate'), reason: 'must be a date YYYY-MM-DD' });
  if (content.assigneeUserId !== null && !(await findMembership(db, organisationId, content.assigneeUserId)))
    problems.push({ ...at('assigneeUserId'), reason: 'is not a member of this organisation' });
  return problems;
}
