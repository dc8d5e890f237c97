import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import type { Assessment, AssessmentUpdate } from '../../contracts/assessment.schema';
import { updateAssessmentFields, type StoredAssessment } from '../../db/assessment.repository';
import { requireOrganisation } from '../accounts/require-user';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';
import type { AssessmentDeps } from './assessment-deps';
import { assessmentProblems } from './create-assessment';
import { presentAssessment } from './present-assessment';
import { requireAssessment } from './require-assessment';

const audited = (assessment: StoredAssessment) => ({
  title: assessment.title,
  periodStart: assessment.periodStart,
  periodEnd: assessment.periodEnd,
  leadUserId: assessment.leadUserId,
});

/**
 * Changes an assessment's title, period or lead with optimistic locking (`version` must be the
 * stored one, otherwise CONFLICT with the current assessment). `null` clears a period end or the
 * lead; fields left out stay. Audited as before → after.
 */
export async function updateAssessment(
  deps: Pick<AssessmentDeps, 'database' | 'clock'>,
  input: { actor: Actor; assessmentId: string; changes: AssessmentUpdate; context?: RequestContext },
): Promise<Assessment> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const now = deps.clock();
  const { changes } = input;
  return deps.database.db.transaction().execute(async (transaction) => {
    const before = await requireAssessment(transaction, organisationId, input.assessmentId);
    const conflict = () =>
      new DomainError(
        'CONFLICT',
        'Someone else changed this assessment first; here is what is stored now.',
        [{ field: 'version', reason: `stored version is ${before.version}` }],
        { current: presentAssessment(before) },
      );
    if (changes.version !== before.version) throw conflict();
    const merged: StoredAssessment = {
      ...before,
      ...(changes.title !== undefined ? { title: changes.title.trim() } : {}),
      ...(changes.periodStart !== undefined ? { periodStart: changes.periodStart } : {}),
      ...(changes.periodEnd !== undefined ? { periodEnd: changes.periodEnd } : {}),
      ...(changes.leadUserId !== undefined ? { leadUserId: changes.leadUserId } : {}),
    };
    const problems = await assessmentProblems(transaction, organisationId, {
      title: merged.title,
      ...(merged.periodStart ? { periodStart: merged.periodStart } : {}),
      ...(merged.periodEnd ? { periodEnd: merged.periodEnd } : {}),
      ...(merged.leadUserId ? { leadUserId: merged.leadUserId } : {}),
    });
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'The assessment is not valid.', problems);
    if (JSON.stringify(audited(merged)) === JSON.stringify(audited(before))) return presentAssessment(before);
    const after: StoredAssessment = { ...merged, version: before.version + 1, updatedAt: now.toISOString() };
    if (!(await updateAssessmentFields(transaction, organisationId, after, before.version))) throw conflict();
    await recordAudit(transaction, actor, input.context, now, {
      organisationId,
      action: 'assessment.update',
      targetType: 'assessment',
      targetId: after.id,
      before: audited(before),
      after: audited(after),
    });
    return presentAssessment(after);
  });
}
