import type { Actor } from '../../core/auth/actor';
import { listFindingRecords } from '../../db/finding.repository';
import { requireOrganisation } from '../accounts/require-user';
import { requireAssessment } from '../assessment-scope/require-assessment-item';
import type { FindingDeps } from './finding-deps';
import { toFindingView, type FindingView } from './finding-view';

/** The findings of one assessment of the organisation, oldest first; NOT_FOUND for an unknown assessment. */
export async function listFindings(
  deps: Pick<FindingDeps, 'database'>,
  input: { actor: Actor; assessmentId: string },
): Promise<FindingView[]> {
  const { organisationId } = requireOrganisation(input.actor);
  await requireAssessment(deps.database, organisationId, input.assessmentId, 'read');
  return (await listFindingRecords(deps.database.db, organisationId, input.assessmentId)).map(toFindingView);
}
