import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import { listAssessmentIdsOfSystem } from '../../db/assessment.repository';
import { deleteSystemRow } from '../../db/system.repository';
import { requireOrganisation } from '../accounts/require-user';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';
import type { EvidenceDeps } from '../evidence/evidence-deps';
import { releaseEvidenceFiles } from '../evidence/release-evidence-files';
import { auditedSystem } from './create-system';
import { deleteAssessmentsInTransaction } from './delete-assessment';
import { requireSystem } from './require-assessment';

/**
 * Deletes a system, audited. A system with assessments is refused (SYSTEM_HAS_ASSESSMENTS, with
 * their count) unless `withAssessments` is set, which deletes them too, as deleteAssessment does.
 */
export async function deleteSystem(
  deps: Pick<EvidenceDeps, 'database' | 'clock' | 'evidenceStore'>,
  input: { actor: Actor; systemId: string; version: number; withAssessments: boolean; context?: RequestContext },
): Promise<void> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const now = deps.clock();
  const released = await deps.database.db.transaction().execute(async (transaction) => {
    const before = await requireSystem(transaction, organisationId, input.systemId, 'id');
    if (before.version !== input.version)
      throw new DomainError('CONFLICT', 'Someone else changed this system first; reload it before deleting.', [
        { field: 'version', reason: `stored version is ${before.version}` },
      ]);
    const assessmentIds = await listAssessmentIdsOfSystem(transaction, organisationId, before.id);
    if (assessmentIds.length > 0 && !input.withAssessments)
      throw new DomainError(
        'SYSTEM_HAS_ASSESSMENTS',
        `This system has ${assessmentIds.length} assessment(s); delete them with it by confirming.`,
        [{ field: 'withAssessments', reason: 'required' }],
        { assessments: assessmentIds.length },
      );
    const orphans = await deleteAssessmentsInTransaction(transaction, organisationId, assessmentIds);
    await deleteSystemRow(transaction, organisationId, before.id);
    await recordAudit(transaction, actor, input.context, now, {
      organisationId,
      action: 'system.delete',
      targetType: 'system',
      targetId: before.id,
      before: { ...auditedSystem(before), deletedAssessments: assessmentIds.length, deletedEvidence: orphans.length },
    });
    return orphans;
  });
  await releaseEvidenceFiles(
    deps,
    released.map((evidence) => evidence.sha256),
  );
}
