import type { Actor } from '../../core/auth/actor';
import type { Provider } from '../../core/inventory/provider.types';
import { findProvider } from '../../db/inventory/provider.repository';
import { requireOrganisation } from '../accounts/require-user';
import { notFound } from './inventory-errors';
import type { InventoryDeps } from './inventory-deps';

/** One provider of the actor's organisation (NOT_FOUND for another organisation's). */
export async function getProvider(deps: InventoryDeps, input: { actor: Actor; providerId: string }): Promise<Provider> {
  const { organisationId } = requireOrganisation(input.actor);
  const provider = await findProvider(deps.database.db, organisationId, input.providerId);
  if (!provider) throw notFound('provider');
  return provider;
}
