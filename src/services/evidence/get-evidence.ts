import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import { findEvidence } from '../../db/evidence.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { EvidenceDeps } from './evidence-deps';
import { presentEvidence, type EvidenceView } from './evidence-view';

/** One evidence of the organisation with the answers it supports, or NOT_FOUND (also for another organisation's). */
export async function getEvidence(
  deps: Pick<EvidenceDeps, 'database'>,
  input: { actor: Actor; evidenceId: string },
): Promise<EvidenceView> {
  const { organisationId } = requireOrganisation(input.actor);
  const record = await findEvidence(deps.database.db, organisationId, input.evidenceId);
  if (!record) throw new DomainError('NOT_FOUND', 'No such evidence.');
  const [view] = await presentEvidence(deps.database.db, organisationId, [record]);
  if (!view) throw new DomainError('NOT_FOUND', 'No such evidence.');
  return view;
}
