import type { Actor } from '../../core/auth/actor';
import type { ItemWeights } from '../../contracts/assessment.schema';
import { listItemWeights } from '../../db/item-weight.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { AssessmentDeps } from './assessment-deps';

/** The weights the organisation gave items for ranking gaps; items not listed weigh 1. */
export async function getItemWeights(
  deps: Pick<AssessmentDeps, 'database'>,
  input: { actor: Actor },
): Promise<ItemWeights> {
  const { organisationId } = requireOrganisation(input.actor);
  return { weights: Object.fromEntries(await listItemWeights(deps.database.db, organisationId)) };
}
