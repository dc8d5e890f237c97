import type { Actor } from '../../core/auth/actor';
import type { IotSystem } from '../../contracts/assessment.schema';
import { listSystems as readSystems } from '../../db/system.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { AssessmentDeps } from './assessment-deps';
import { presentSystem } from './present-system';

/** The systems of the actor's organisation, by name. */
export async function listSystems(
  deps: Pick<AssessmentDeps, 'database'>,
  input: { actor: Actor },
): Promise<IotSystem[]> {
  const { organisationId } = requireOrganisation(input.actor);
  return (await readSystems(deps.database.db, organisationId)).map(presentSystem);
}
