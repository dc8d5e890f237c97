import type { Actor } from '../../core/auth/actor';
import { findColumnMapping, type StoredColumnMapping } from '../../db/inventory/column-mapping.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { InventoryDeps } from './inventory-deps';

/** The saved import column mapping of the actor's organisation (version 0 and `{}` when none). */
export async function getColumnMapping(deps: InventoryDeps, input: { actor: Actor }): Promise<StoredColumnMapping> {
  const { organisationId } = requireOrganisation(input.actor);
  return findColumnMapping(deps.database.db, organisationId);
}
