import { utcDay } from '../../core/assessment/overdue';
import { assessmentClosed } from '../../core/assessment/assessment-closed';
import { applyEdit, EMPTY_ANSWER, type AnswerContent } from '../../core/assessment/answer-rules';
import { listFrameworkItems, resolveItemReference, type FrameworkItem } from '../../core/assessment/framework-items';
import type { Actor } from '../../core/auth/actor';
import { DomainError, type ProblemDetail } from '../../core/domain-error';
import type { Answer, AnswerUpdate } from '../../contracts/assessment.schema';
import { listAnswers } from '../../db/answer.repository';
import { countEvidenceLinks, countOpenFindings } from '../../db/assessment-facts.repository';
import type { RequestContext } from '../auth/account-deps';
import { requireOrganisation } from '../accounts/require-user';
import type { AssessmentDeps } from './assessment-deps';
import { contentAfterUpdate, editProblems, inList } from './edit-answer';
import { answerConflict, presentAnswer } from './present-answer';
import { isEditable, requireAssessment } from './require-assessment';
import { takeDailySnapshotIfDue } from './take-score-snapshot';
import { writeAnswer } from './write-answer';

/** One entry of a bulk save: which item, and the same fields as a single save. */
export type BulkAnswerUpdate = AnswerUpdate & { readonly itemId: string };

/**
 * Saves many answers all-or-nothing in one transaction, with the rules of saveAnswer for each.
 * Unknown or repeated items and invalid content are all reported at once, located as
 * `answers[3].justification`; a stale version is a CONFLICT carrying that item's current answer.
 * Returns the saved answers in the order given.
 */
export async function saveAnswersBulk(
  deps: AssessmentDeps,
  input: { actor: Actor; assessmentId: string; answers: readonly BulkAnswerUpdate[]; context?: RequestContext },
): Promise<Answer[]> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const now = deps.clock();
  const db = deps.database.db;
  const itemIds = await db.transaction().execute(async (transaction) => {
    const assessment = await requireAssessment(transaction, organisationId, input.assessmentId);
    const items = listFrameworkItems(deps.catalog, assessment.frameworkId);
    const stored = await listAnswers(transaction, organisationId, assessment.id);

    const problems: ProblemDetail[] = [];
    const resolved: { index: number; item: FrameworkItem; entry: BulkAnswerUpdate }[] = [];
    const seen = new Set<string>();
    input.answers.forEach((entry, index) => {
      const item = resolveItemReference(items, assessment.frameworkId, entry.itemId);
      if (!item)
        problems.push({
          ...inList('answers', index)('itemId'),
          reason: `${entry.itemId} is not an item of ${assessment.frameworkId}`,
        });
      else if (seen.has(item.itemId))
        problems.push({ ...inList('answers', index)('itemId'), reason: `${item.itemId} appears more than once` });
      else {
        seen.add(item.itemId);
        resolved.push({ index, item, entry });
      }
    });
    if (problems.length > 0)
      throw new DomainError('VALIDATION_FAILED', 'Some answers are not valid; nothing was saved.', problems);

    for (const { index, item, entry } of resolved) {
      const storedVersion = stored.get(item.itemId)?.version ?? 0;
      if (entry.version !== storedVersion) {
        throw await answerConflict(
          transaction,
          organisationId,
          assessment.id,
          item.itemId,
          utcDay(now),
          `Someone else saved ${item.itemId} first; nothing was saved.`,
          [{ ...inList('answers', index)('version'), reason: `stored version is ${storedVersion}` }],
        );
      }
    }
    if (!isEditable(assessment)) throw assessmentClosed(assessment.status, 'change answers');

    const planned: { item: FrameworkItem; content: AnswerContent }[] = [];
    for (const { index, item, entry } of resolved) {
      const { version: _version, itemId: _itemId, ...update } = entry;
      const content = contentAfterUpdate(assessment.frameworkId, item, stored.get(item.itemId) ?? EMPTY_ANSWER, update);
      problems.push(...(await editProblems(transaction, organisationId, item, content, inList('answers', index))));
      planned.push({ item, content });
    }
    if (problems.length > 0)
      throw new DomainError('VALIDATION_FAILED', 'Some answers are not valid; nothing was saved.', problems);

    let changed = false;
    for (const { item, content } of planned) {
      const before = stored.get(item.itemId);
      const after = applyEdit(before ?? EMPTY_ANSWER, content);
      if (after === (before ?? EMPTY_ANSWER)) continue;
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
      changed = true;
    }
    if (changed) await takeDailySnapshotIfDue(transaction, deps.catalog, organisationId, assessment, now);
    return planned.map(({ item }) => item.itemId);
  });
  const answers = await listAnswers(db, organisationId, input.assessmentId);
  const evidence = await countEvidenceLinks(db, organisationId, input.assessmentId);
  const findings = await countOpenFindings(db, organisationId, input.assessmentId);
  return itemIds.map((itemId) =>
    presentAnswer(itemId, answers.get(itemId), {
      evidenceCount: evidence.get(itemId) ?? 0,
      openFindings: findings.get(itemId) ?? 0,
      today: utcDay(now),
    }),
  );
}
