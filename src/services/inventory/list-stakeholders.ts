import type { Actor } from '../../core/auth/actor';
import type { Stakeholder, StakeholderScope } from '../../core/inventory/stakeholder.types';
import { listStakeholders as readStakeholders } from '../../db/inventory/stakeholder.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { InventoryDeps } from './inventory-deps';

/**
 * The stakeholders of the actor's organisation, by role and name: all of them, or those of one
 * scope (`{ kind: 'system', id }`, `{ kind: 'organisation', id: null }`).
 */
export async function listStakeholders(
  deps: InventoryDeps,
  input: { actor: Actor; scope?: { kind: StakeholderScope; id: string | null } },
): Promise<Stakeholder[]> {
  const { organisationId } = requireOrganisation(input.actor);
  return readStakeholders(deps.database.db, organisationId, input.scope);
}
