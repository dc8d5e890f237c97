import { canChangeStatus, type AssessmentStatus } from '../../core/assessment/assessment.types';
import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import type { Assessment } from '../../contracts/assessment.schema';
import { updateAssessmentStatus, type StoredAssessment } from '../../db/assessment.repository';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';
import { requireOrganisation } from '../accounts/require-user';
import type { AssessmentDeps } from './assessment-deps';
import { presentAssessment } from './present-assessment';
import { requireAssessment } from './require-assessment';
import { takeScoreSnapshot } from './take-score-snapshot';

/**
 * Moves an assessment through its life cycle (planned → in_progress → in_review → done →
 * archived, with the way back canChangeStatus allows). Optimistic: `version` must be the stored
 * one, otherwise CONFLICT with the current assessment. Sets closed_at when done, clears it when
 * reopened, and takes a 'status_change' score snapshot in the same transaction.
 */
export async function changeAssessmentStatus(
  deps: AssessmentDeps,
  input: { actor: Actor; assessmentId: string; status: AssessmentStatus; version: number; context?: RequestContext },
): Promise<Assessment> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const now = deps.clock();
  return deps.database.db.transaction().execute(async (transaction) => {
    const before = await requireAssessment(transaction, organisationId, input.assessmentId);
    const conflict = (message: string, field: string, reason: string) =>
      new DomainError('CONFLICT', message, [{ field, reason }], { current: presentAssessment(before) });
    if (input.version !== before.version)
      throw conflict(
        'Someone else changed this assessment first; here is what is stored now.',
        'version',
        `stored version is ${before.version}`,
      );
    if (!canChangeStatus(before.status, input.status))
      throw conflict(
        `An assessment cannot go from ${before.status} to ${input.status}.`,
        'status',
        `not allowed from ${before.status}`,
      );
    const closedAt = input.status === 'done' ? now.toISOString() : input.status === 'archived' ? before.closedAt : null;
    const after: StoredAssessment = {
      ...before,
      status: input.status,
      closedAt,
      version: before.version + 1,
      updatedAt: now.toISOString(),
    };
    if (!(await updateAssessmentStatus(transaction, organisationId, after, before.version)))
      throw conflict('Someone else changed this assessment first.', 'version', 'changed concurrently');
    await takeScoreSnapshot(transaction, deps.catalog, organisationId, after, 'status_change', now);
    await recordAudit(transaction, actor, input.context, now, {
      organisationId,
      action: 'assessment.status',
      targetType: 'assessment',
      targetId: after.id,
      before: { status: before.status, closedAt: before.closedAt },
      after: { status: after.status, closedAt: after.closedAt },
    });
    return presentAssessment(after);
  });
}
