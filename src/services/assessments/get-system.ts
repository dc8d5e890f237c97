import type { Actor } from '../../core/auth/actor';
import type { IotSystem } from '../../contracts/assessment.schema';
import { requireOrganisation } from '../accounts/require-user';
import type { AssessmentDeps } from './assessment-deps';
import { presentSystem } from './present-system';
import { requireSystem } from './require-assessment';

/** One system of the actor's organisation, or NOT_FOUND. */
export async function getSystem(
  deps: Pick<AssessmentDeps, 'database'>,
  input: { actor: Actor; systemId: string },
): Promise<IotSystem> {
  const { organisationId } = requireOrganisation(input.actor);
  return presentSystem(await requireSystem(deps.database.db, organisationId, input.systemId, 'id'));
}
