import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import { deleteEvidenceLink } from '../../db/evidence.repository';
import { requireOrganisation } from '../accounts/require-user';
import { requireAssessment } from '../assessment-scope/require-assessment-item';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';
import type { EvidenceDeps } from './evidence-deps';

/** Removes the link between an answer and evidence (the evidence stays); NOT_FOUND when there was none. */
export async function unlinkEvidence(
  deps: Pick<EvidenceDeps, 'database' | 'clock'>,
  input: { actor: Actor; assessmentId: string; itemId: string; evidenceId: string; context?: RequestContext },
): Promise<void> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  await requireAssessment(deps.database, organisationId, input.assessmentId, 'change-evidence-links');
  const now = deps.clock();
  const support = { assessmentId: input.assessmentId, itemId: input.itemId };
  await deps.database.db.transaction().execute(async (transaction) => {
    if (!(await deleteEvidenceLink(transaction, organisationId, { ...support, evidenceId: input.evidenceId })))
      throw new DomainError('NOT_FOUND', 'This evidence is not linked to that answer.');
    await recordAudit(transaction, actor, input.context, now, {
      organisationId,
      action: 'evidence.unlink',
      targetType: 'evidence',
      targetId: input.evidenceId,
      before: support,
    });
  });
}
