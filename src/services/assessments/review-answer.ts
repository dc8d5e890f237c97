import { utcDay } from '../../core/assessment/overdue';
import { assessmentClosed } from '../../core/assessment/assessment-closed';
import { EMPTY_ANSWER, type AnswerState } from '../../core/assessment/answer-rules';
import { canChangeReview, type ReviewState } from '../../core/assessment/assessment.types';
import type { Actor } from '../../core/auth/actor';
import { can } from '../../core/auth/policy';
import { DomainError } from '../../core/domain-error';
import type { Answer } from '../../contracts/assessment.schema';
import { answerAuthors } from '../../core/assessment/answer-authors';
import { findAnswer, listAnswerHistory } from '../../db/answer.repository';
import { findOrganisation } from '../../db/organisation.repository';
import type { RequestContext } from '../auth/account-deps';
import { requireOrganisation } from '../accounts/require-user';
import type { AssessmentDeps } from './assessment-deps';
import { requireItem } from './edit-answer';
import { answerConflict, loadAnswer } from './present-answer';
import { isEditable, requireAssessment } from './require-assessment';
import { writeAnswer } from './write-answer';

/** What a reviewer or assessor does to an answer's review state. */
export type ReviewAction = 'ready' | 'accept' | 'return' | 'reopen';

const TARGET: Readonly<Record<ReviewAction, ReviewState>> = {
  ready: 'ready_for_review',
  accept: 'accepted',
  return: 'returned',
  reopen: 'open',
};

/**
 * Moves an answer through review: an assessor marks it `ready` (or `reopen`s it); a reviewer
 * `accept`s it or `return`s it with a reason. Anyone who may write answers may ready and reopen
 * (the route's 'answers.write'); accept and return additionally need 'answers.review' — checked
 * HERE, so every edge (HTTP, CLI) gets the same rule — otherwise FORBIDDEN. Optimistic like a save:
 * a stale `version` is a CONFLICT with the current answer, as is a move canChangeReview refuses.
 * When the organisation requires a separate reviewer (four-eyes), accepting an answer one wrote
 * (see answerAuthors) is SELF_APPROVAL.
 */
export async function reviewAnswer(
  deps: AssessmentDeps,
  input: {
    actor: Actor;
    assessmentId: string;
    itemId: string;
    action: ReviewAction;
    reason?: string;
    version: number;
    context?: RequestContext;
  },
): Promise<Answer> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  if ((input.action === 'accept' || input.action === 'return') && !can(actor, 'answers.review', { organisationId })) {
    throw new DomainError('FORBIDDEN', 'Only reviewers (owners and admins) accept or return answers.');
  }
  const reason = input.reason?.trim() ?? '';
  if (input.action === 'return' && reason === '')
    throw new DomainError('VALIDATION_FAILED', 'Say why the answer is returned.', [
      { field: 'reason', reason: 'required when returning' },
    ]);
  const now = deps.clock();
  const itemId = await deps.database.db.transaction().execute(async (transaction) => {
    const assessment = await requireAssessment(transaction, organisationId, input.assessmentId);
    const item = requireItem(deps.catalog, assessment, input.itemId);
    const before = await findAnswer(transaction, organisationId, assessment.id, item.itemId);
    const current: AnswerState = before ?? EMPTY_ANSWER;
    const storedVersion = before?.version ?? 0;
    const conflict = (message: string, field: string, why: string) =>
      answerConflict(transaction, organisationId, assessment.id, item.itemId, utcDay(now), message, [
        { field, reason: why },
      ]);
    if (input.version !== storedVersion)
      throw await conflict(
        'Someone else changed this answer first; here is what is stored now.',
        'version',
        `stored version is ${storedVersion}`,
      );
    if (!isEditable(assessment)) throw assessmentClosed(assessment.status, 'review answers');
    const target = TARGET[input.action];
    if (!canChangeReview(current.reviewState, target))
      throw await conflict(
        `An answer that is ${current.reviewState} cannot be moved to ${target}.`,
        'action',
        `not allowed from ${current.reviewState}`,
      );
    if (input.action === 'accept' && (await findOrganisation(transaction, organisationId))?.requireSeparateReviewer) {
      const history = await listAnswerHistory(transaction, organisationId, assessment.id, item.itemId);
      if (answerAuthors(history).has(actor.userId))
        throw new DomainError(
          'SELF_APPROVAL',
          'This organisation requires answers to be accepted by someone other than who wrote them.',
          [{ field: 'action', reason: 'you wrote this answer', code: 'self_approval' }],
        );
    }
    if (input.action === 'ready' && current.result === 'unanswered')
      throw new DomainError('VALIDATION_FAILED', 'Answer the item before asking for review.', [
        { field: 'result', reason: 'unanswered' },
      ]);
    const after: AnswerState = { ...current, reviewState: target, returnReason: target === 'returned' ? reason : null };
    await writeAnswer(transaction, {
      actor,
      context: input.context,
      now,
      organisationId,
      assessmentId: assessment.id,
      itemId: item.itemId,
      before,
      after,
      action: 'answer.review',
    });
    return item.itemId;
  });
  return loadAnswer(deps.database.db, organisationId, input.assessmentId, itemId, utcDay(now));
}
