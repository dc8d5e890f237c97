import { utcDay } from '../../core/assessment/overdue';
import { assessmentClosed } from '../../core/assessment/assessment-closed';
import { applyEdit, EMPTY_ANSWER } from '../../core/assessment/answer-rules';
import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import type { Answer, AnswerUpdate } from '../../contracts/assessment.schema';
import { findAnswer } from '../../db/answer.repository';
import type { RequestContext } from '../auth/account-deps';
import { requireOrganisation } from '../accounts/require-user';
import type { AssessmentDeps } from './assessment-deps';
import { byField, contentAfterUpdate, editProblems, requireItem } from './edit-answer';
import { answerConflict, loadAnswer } from './present-answer';
import { isEditable, requireAssessment } from './require-assessment';
import { takeDailySnapshotIfDue } from './take-score-snapshot';
import { writeAnswer } from './write-answer';

/**
 * Saves one item's answer with optimistic locking. `update.version` must be the stored version
 * (0 for an item never saved); otherwise CONFLICT carrying the current answer (`current`), so
 * nothing anyone typed is lost. not_applicable needs a justification, checks must be the item's,
 * and a done or archived assessment is not edited (CONFLICT; reopen it first). Changing an answer
 * that was ready for review or accepted sends it back to `open`. An update that changes nothing
 * writes nothing. Writes history and audit in one transaction, and a daily snapshot when due.
 */
export async function saveAnswer(
  deps: AssessmentDeps,
  input: { actor: Actor; assessmentId: string; itemId: string; update: AnswerUpdate; context?: RequestContext },
): Promise<Answer> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const now = deps.clock();
  const { version, ...update } = input.update;
  const itemId = await deps.database.db.transaction().execute(async (transaction) => {
    const assessment = await requireAssessment(transaction, organisationId, input.assessmentId);
    const item = requireItem(deps.catalog, assessment, input.itemId);
    const before = await findAnswer(transaction, organisationId, assessment.id, item.itemId);
    const storedVersion = before?.version ?? 0;
    if (version !== storedVersion) {
      throw await answerConflict(
        transaction,
        organisationId,
        assessment.id,
        item.itemId,
        utcDay(now),
        'Someone else saved this answer first; here is what is stored now.',
        [{ field: 'version', reason: `stored version is ${storedVersion}` }],
      );
    }
    if (!isEditable(assessment)) throw assessmentClosed(assessment.status, 'change answers');
    const content = contentAfterUpdate(assessment.frameworkId, item, before ?? EMPTY_ANSWER, update);
    const problems = await editProblems(transaction, organisationId, item, content, byField);
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'The answer is not valid.', problems);
    const after = applyEdit(before ?? EMPTY_ANSWER, content);
    if (after !== (before ?? EMPTY_ANSWER)) {
      await writeAnswer(transaction, {
        actor,
        context: input.context,
        now,
        organisationId,
        assessmentId: assessment.id,
        itemId: item.itemId,
        before,
        after,
        action: 'answer.update',
      });
      await takeDailySnapshotIfDue(transaction, deps.catalog, organisationId, assessment, now);
    }
    return item.itemId;
  });
  return loadAnswer(deps.database.db, organisationId, input.assessmentId, itemId, utcDay(now));
}
