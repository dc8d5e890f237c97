import type { Actor } from '../../core/auth/actor';
import { listEvidenceRecords } from '../../db/evidence.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { EvidenceDeps } from './evidence-deps';
import { presentEvidence, type EvidenceView } from './evidence-view';

/** The organisation's evidence, newest first; with assessmentId and/or itemId, only what supports those answers. */
export async function listEvidence(
  deps: Pick<EvidenceDeps, 'database'>,
  input: { actor: Actor; assessmentId?: string; itemId?: string },
): Promise<EvidenceView[]> {
  const { organisationId } = requireOrganisation(input.actor);
  const filter = {
    ...(input.assessmentId !== undefined ? { assessmentId: input.assessmentId } : {}),
    ...(input.itemId !== undefined ? { itemId: input.itemId } : {}),
  };
  const records = await listEvidenceRecords(deps.database.db, organisationId, filter);
  return presentEvidence(deps.database.db, organisationId, records);
}
