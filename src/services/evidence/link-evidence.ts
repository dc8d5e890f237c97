import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import { findEvidence, insertEvidenceLink } from '../../db/evidence.repository';
import { requireOrganisation } from '../accounts/require-user';
import { requireAssessment, requireAssessmentItem } from '../assessment-scope/require-assessment-item';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';
import type { EvidenceDeps } from './evidence-deps';
import { presentEvidence, type EvidenceView } from './evidence-view';

/**
 * Links existing evidence of the organisation to an answer (an item of an assessment that is not
 * archived). One evidence may support many answers and assessments. Linking twice changes nothing.
 */
export async function linkEvidence(
  deps: Pick<EvidenceDeps, 'database' | 'clock' | 'catalog'>,
  input: { actor: Actor; assessmentId: string; itemId: string; evidenceId: string; context?: RequestContext },
): Promise<EvidenceView> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const assessment = await requireAssessment(
    deps.database,
    organisationId,
    input.assessmentId,
    'change-evidence-links',
  );
  requireAssessmentItem(deps.catalog, assessment, input.itemId, 'path');
  const now = deps.clock();
  const record = await deps.database.db.transaction().execute(async (transaction) => {
    const evidence = await findEvidence(transaction, organisationId, input.evidenceId);
    if (!evidence)
      throw new DomainError('NOT_FOUND', 'No such evidence.', [
        { field: 'evidenceId', reason: 'unknown in this organisation' },
      ]);
    const support = { assessmentId: input.assessmentId, itemId: input.itemId };
    const linked = await insertEvidenceLink(transaction, {
      ...support,
      organisationId,
      evidenceId: evidence.id,
      linkedAt: now.toISOString(),
      linkedBy: actor.userId || null,
    });
    if (linked)
      await recordAudit(transaction, actor, input.context, now, {
        organisationId,
        action: 'evidence.link',
        targetType: 'evidence',
        targetId: evidence.id,
        after: support,
      });
    return evidence;
  });
  const [view] = await presentEvidence(deps.database.db, organisationId, [record]);
  if (!view) throw new DomainError('NOT_FOUND', 'No such evidence.');
  return view;
}
