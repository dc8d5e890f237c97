import type { Actor } from '../../core/auth/actor';
import type { CustomFieldDefinition } from '../../core/inventory/inventory-settings.types';
import { listCustomFields as readCustomFields } from '../../db/inventory/custom-field.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { InventoryDeps } from './inventory-deps';

/** The custom fields defined for the actor's organisation, by key. */
export async function listCustomFields(deps: InventoryDeps, input: { actor: Actor }): Promise<CustomFieldDefinition[]> {
  const { organisationId } = requireOrganisation(input.actor);
  return readCustomFields(deps.database.db, organisationId);
}
