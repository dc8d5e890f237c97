import { canonicalChecks, EMPTY_ANSWER, type AnswerState } from '../../core/assessment/answer-rules';
import { listFrameworkItems } from '../../core/assessment/framework-items';
import type { Actor } from '../../core/auth/actor';
import type { Assessment } from '../../contracts/assessment.schema';
import { listAnswers } from '../../db/answer.repository';
import { copyEvidenceLinks, copyOpenFindings } from '../../db/assessment-copy.repository';
import { findMembership } from '../../db/organisation.repository';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';
import { requireOrganisation } from '../accounts/require-user';
import type { AssessmentDeps } from './assessment-deps';
import { createAssessmentInTransaction } from './create-assessment';
import { presentAssessment } from './present-assessment';
import { requireAssessment } from './require-assessment';
import { authorOf, writeAnswer } from './write-answer';

/** "FY2025 review" → "FY2026 review"; a title without a year gets " (copy)". */
export function nextTitle(title: string): string {
  const year = /(19|20)\d{2}/.exec(title);
  if (!year) return `${title} (copy)`.slice(0, 200);
  return `${title.slice(0, year.index)}${Number(year[0]) + 1}${title.slice(year.index + year[0].length)}`;
}

/** The same calendar day a year later (29 February becomes 1 March). */
function nextYear(day: string | null): string | undefined {
  if (day === null) return undefined;
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * Starts next year's run of an assessment: a new planned assessment of the same system and
 * framework (against the catalog as it is now), with every answer's result, justification,
 * comment, checks and assignee carried over, review states reset to open, due dates cleared (last
 * year's dates have passed), evidence links and open findings copied. Items the framework no
 * longer has are left behind. One transaction; the copy and each answer are audited.
 */
export async function copyAssessment(
  deps: AssessmentDeps,
  input: { actor: Actor; assessmentId: string; title?: string; context?: RequestContext },
): Promise<Assessment> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const now = deps.clock();
  const copy = await deps.database.db.transaction().execute(async (transaction) => {
    const source = await requireAssessment(transaction, organisationId, input.assessmentId);
    const periodStart = nextYear(source.periodStart);
    const periodEnd = nextYear(source.periodEnd);
    const created = await createAssessmentInTransaction(transaction, deps.catalog, {
      actor,
      organisationId,
      now,
      copiedFrom: source.id,
      context: input.context,
      fields: {
        systemId: source.systemId,
        frameworkId: source.frameworkId,
        title: input.title ?? nextTitle(source.title),
        ...(periodStart ? { periodStart } : {}),
        ...(periodEnd ? { periodEnd } : {}),
        // A lead who has left the organisation is not carried over.
        ...(source.leadUserId && (await findMembership(transaction, organisationId, source.leadUserId))
          ? { leadUserId: source.leadUserId }
          : {}),
      },
    });
    const items = listFrameworkItems(deps.catalog, created.frameworkId);
    const answers = await listAnswers(transaction, organisationId, source.id);
    let copied = 0;
    const members = new Map<string, boolean>();
    const isMember = async (userId: string) =>
      members.get(userId) ??
      members.set(userId, (await findMembership(transaction, organisationId, userId)) !== undefined).get(userId) ===
        true;
    for (const item of items) {
      const answer = answers.get(item.itemId);
      if (!answer) continue;
      const checks = canonicalChecks(
        Object.fromEntries(Object.entries(answer.checks).filter(([checkId]) => item.checkIds.includes(checkId))),
      );
      const after: AnswerState = {
        ...EMPTY_ANSWER,
        result: answer.result,
        justification: answer.justification,
        comment: answer.comment,
        checks,
        assigneeUserId: answer.assigneeUserId && (await isMember(answer.assigneeUserId)) ? answer.assigneeUserId : null,
      };
      await writeAnswer(transaction, {
        actor,
        context: input.context,
        now,
        organisationId,
        assessmentId: created.id,
        itemId: item.itemId,
        before: undefined,
        after,
        action: 'answer.copy',
      });
      copied += 1;
    }
    const scope = {
      organisationId,
      fromAssessmentId: source.id,
      toAssessmentId: created.id,
      itemIds: items.map((item) => item.itemId),
      at: now.toISOString(),
      by: authorOf(actor),
    };
    const evidenceLinks = await copyEvidenceLinks(transaction, scope);
    const findings = await copyOpenFindings(transaction, scope);
    await recordAudit(transaction, actor, input.context, now, {
      organisationId,
      action: 'assessment.copy_contents',
      targetType: 'assessment',
      targetId: created.id,
      after: { copiedFrom: source.id, answers: copied, evidenceLinks, findings },
    });
    return created;
  });
  return presentAssessment(copy);
}
