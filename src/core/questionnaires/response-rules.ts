import { DomainError, type ProblemDetail } from '../domain-error';
import type { QuestionnaireAnswer } from '../reports/questionnaire.types';
import { MAX_FREE_TEXT } from './questionnaire-rules';

/** What a provider sends for one question: a chosen answer (or none yet) and free text. */
export interface ResponseAnswerInput {
  readonly itemId: string;
  readonly answer: QuestionnaireAnswer | null;
  readonly freeText: string;
}

/**
 * Checks a provider's answers against the questionnaire's items: every item id must be one of
 * them and appear once, free text stays within MAX_FREE_TEXT, and a submission (`complete`)
 * needs an answer to every question. Every problem is reported at once, located by
 * `answers[index]` (or by the unanswered item), as VALIDATION_FAILED. Returns the answers in the
 * questionnaire's order, one per item (missing ones as empty drafts).
 */
export function checkResponseAnswers(
  itemIds: readonly string[],
  answers: readonly ResponseAnswerInput[],
  complete: boolean,
): ResponseAnswerInput[] {
  const problems: ProblemDetail[] = [];
  const asked = new Set(itemIds);
  const given = new Map<string, ResponseAnswerInput>();
  answers.forEach((answer, index) => {
    if (!asked.has(answer.itemId))
      problems.push({
        field: `answers[${index}].itemId`,
        value: answer.itemId,
        reason: 'not a question of this questionnaire',
      });
    else if (given.has(answer.itemId))
      problems.push({
        field: `answers[${index}].itemId`,
        value: answer.itemId,
        reason: 'answered twice',
        code: 'duplicate',
      });
    else given.set(answer.itemId, answer);
    if (answer.freeText.length > MAX_FREE_TEXT)
      problems.push({
        field: `answers[${index}].freeText`,
        reason: `longer than ${MAX_FREE_TEXT} characters`,
        code: 'max_length',
        params: { max: MAX_FREE_TEXT },
      });
  });
  if (complete)
    for (const itemId of itemIds)
      if ((given.get(itemId)?.answer ?? null) === null)
        problems.push({
          field: 'answers',
          value: itemId,
          reason: 'needs an answer before submitting',
          code: 'missing',
        });
  if (problems.length > 0)
    throw new DomainError(
      'VALIDATION_FAILED',
      complete
        ? 'Answer every question before submitting (choose "Don\'t know" where you cannot say).'
        : 'Some answers are not valid.',
      problems,
    );
  return itemIds.map((itemId) => given.get(itemId) ?? { itemId, answer: null, freeText: '' });
}
