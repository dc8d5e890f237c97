import type { Actor } from '../../core/auth/actor';
import type { Provider } from '../../core/inventory/provider.types';
import { listProviders as readProviders } from '../../db/inventory/provider.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { InventoryDeps } from './inventory-deps';

/** The providers of the actor's organisation, by name (with `systemId`: those maintaining its devices). */
export async function listProviders(
  deps: InventoryDeps,
  input: { actor: Actor; systemId?: string },
): Promise<Provider[]> {
  const { organisationId } = requireOrganisation(input.actor);
  return readProviders(deps.database.db, organisationId, input.systemId);
}
