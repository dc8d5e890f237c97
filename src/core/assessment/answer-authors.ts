import { EMPTY_ANSWER, isSameContent, type AnswerState } from './answer-rules';

/** One recorded change of an answer (see answer_history). */
export interface AnswerChange {
  readonly changedBy: string | null;
  readonly before: AnswerState | null;
  readonly after: AnswerState;
}

/**
 * Who wrote an answer: everyone whose change altered its content (result, justification, comment,
 * checks, assignee, due date). Review moves (ready, accept, return, reopen) do not make an author,
 * so the assessor who only marked it ready and the reviewer who returned it stay independent.
 */
export function answerAuthors(history: readonly AnswerChange[]): ReadonlySet<string> {
  const authors = new Set<string>();
  for (const change of history) {
    if (change.changedBy !== null && !isSameContent(change.before ?? EMPTY_ANSWER, change.after))
      authors.add(change.changedBy);
  }
  return authors;
}
