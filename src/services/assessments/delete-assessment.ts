import type { Kysely } from 'kysely';
import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import { deleteAssessmentRow } from '../../db/assessment.repository';
import type { DatabaseSchema } from '../../db/database';
import { deleteEvidenceRows, listEvidenceOnlyLinkedTo } from '../../db/evidence.repository';
import { requireOrganisation } from '../accounts/require-user';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';
import type { EvidenceDeps } from '../evidence/evidence-deps';
import { releaseEvidenceFiles } from '../evidence/release-evidence-files';
import { requireAssessment } from './require-assessment';

/**
 * Deletes an assessment with its answers, history, findings and snapshots, audited with what it
 * was. Evidence that supported only this assessment goes too, and its files leave the store when
 * nothing else refers to the same content. `version` must be the stored one (409 otherwise), so
 * nobody deletes work they have not seen.
 */
export async function deleteAssessment(
  deps: Pick<EvidenceDeps, 'database' | 'clock' | 'evidenceStore'>,
  input: { actor: Actor; assessmentId: string; version: number; context?: RequestContext },
): Promise<void> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const now = deps.clock();
  const released = await deps.database.db.transaction().execute(async (transaction) => {
    const before = await requireAssessment(transaction, organisationId, input.assessmentId);
    if (before.version !== input.version)
      throw new DomainError('CONFLICT', 'Someone else changed this assessment first; reload it before deleting.', [
        { field: 'version', reason: `stored version is ${before.version}` },
      ]);
    const orphans = await deleteAssessmentsInTransaction(transaction, organisationId, [before.id]);
    await recordAudit(transaction, actor, input.context, now, {
      organisationId,
      action: 'assessment.delete',
      targetType: 'assessment',
      targetId: before.id,
      before: {
        title: before.title,
        systemId: before.systemId,
        frameworkId: before.frameworkId,
        status: before.status,
        deletedEvidence: orphans.length,
      },
    });
    return orphans;
  });
  await releaseEvidenceFiles(
    deps,
    released.map((evidence) => evidence.sha256),
  );
}

/**
 * Deletes assessments and the evidence only they used, inside the caller's transaction; returns
 * the deleted evidence so the caller can release files after the commit.
 */
export async function deleteAssessmentsInTransaction(
  transaction: Kysely<DatabaseSchema>,
  organisationId: string,
  assessmentIds: readonly string[],
): Promise<{ id: string; sha256: string | null }[]> {
  const orphans = await listEvidenceOnlyLinkedTo(transaction, organisationId, assessmentIds);
  for (const id of assessmentIds) await deleteAssessmentRow(transaction, organisationId, id);
  await deleteEvidenceRows(
    transaction,
    organisationId,
    orphans.map((evidence) => evidence.id),
  );
  return orphans;
}
