import type { ProblemDetail } from '../domain-error';
import type { AnswerResult, ReviewState } from './assessment.types';
import type { FrameworkItem } from './framework-items';

/** A check point's state inside an answer. */
export interface CheckState {
  readonly done: boolean;
  readonly note: string;
}

/** What an assessor edits on an answer. */
export interface AnswerContent {
  readonly result: AnswerResult;
  readonly justification: string;
  readonly comment: string;
  /** By check id; checks that are not done and carry no note are left out (canonical form). */
  readonly checks: Readonly<Record<string, CheckState>>;
  readonly assigneeUserId: string | null;
  /** YYYY-MM-DD. */
  readonly dueDate: string | null;
}

/** An answer's content with its review state: what history and audit entries record. */
export interface AnswerState extends AnswerContent {
  readonly reviewState: ReviewState;
  readonly returnReason: string | null;
}

/** The state of an item nobody has answered yet. */
export const EMPTY_ANSWER: AnswerState = {
  result: 'unanswered',
  justification: '',
  comment: '',
  checks: {},
  assigneeUserId: null,
  dueDate: null,
  reviewState: 'open',
  returnReason: null,
};

/**
 * Drops checks that say nothing (not done, no note) and orders the rest by id, so that two
 * answers meaning the same thing compare equal and a file applied twice changes nothing.
 */
export function canonicalChecks(checks: Readonly<Record<string, CheckState>>): Record<string, CheckState> {
  return Object.fromEntries(
    Object.entries(checks)
      .filter(([, check]) => check.done || check.note.trim() !== '')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, check]) => [id, { done: check.done, note: check.note }]),
  );
}

/** True when two answers say the same (review state aside). */
export function isSameContent(a: AnswerContent, b: AnswerContent): boolean {
  return (
    a.result === b.result &&
    a.justification === b.justification &&
    a.comment === b.comment &&
    a.assigneeUserId === b.assigneeUserId &&
    a.dueDate === b.dueDate &&
    JSON.stringify(canonicalChecks(a.checks)) === JSON.stringify(canonicalChecks(b.checks))
  );
}

/**
 * What is wrong with an answer's content for this item: `not_applicable` needs a justification,
 * and every check must be one of the item's own. `at(field)` says where each problem is.
 */
export function answerContentProblems(
  item: FrameworkItem,
  content: AnswerContent,
  at: (field: string) => Pick<ProblemDetail, 'path' | 'field'> = (field) => ({ field }),
): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  if (content.result === 'not_applicable' && content.justification.trim() === '') {
    problems.push({ ...at('justification'), reason: 'not_applicable needs a justification' });
  }
  for (const checkId of Object.keys(content.checks)) {
    if (!item.checkIds.includes(checkId))
      problems.push({ ...at(`checks.${checkId}`), reason: `${checkId} is not a check of ${item.itemId}` });
  }
  return problems;
}

/**
 * The answer after an edit: a changed answer that was ready for review or accepted goes back to
 * `open` (what was reviewed is no longer what is there); a returned one stays returned with its
 * reason until the assessor marks it ready again.
 */
export function applyEdit(before: AnswerState, content: AnswerContent): AnswerState {
  // Only content fields are taken from `content`, whatever else the object carries.
  const next: AnswerState = {
    ...before,
    result: content.result,
    justification: content.justification,
    comment: content.comment,
    checks: canonicalChecks(content.checks),
    assigneeUserId: content.assigneeUserId,
    dueDate: content.dueDate,
  };
  if (isSameContent(before, next)) return before;
  const reopen = before.reviewState === 'accepted' || before.reviewState === 'ready_for_review';
  return reopen ? { ...next, reviewState: 'open', returnReason: null } : next;
}
