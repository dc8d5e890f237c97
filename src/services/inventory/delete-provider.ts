import type { Actor } from '../../core/auth/actor';
import { deleteProvider as removeProvider, findProvider } from '../../db/inventory/provider.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { RequestContext } from '../auth/account-deps';
import { notFound, staleVersion } from './inventory-errors';
import type { InventoryDeps } from './inventory-deps';
import { providerFields } from './provider-fields';
import { recordInventoryChange } from './record-inventory-change';

/**
 * Deletes a provider seen at `version` (stale: CONFLICT with the stored one). Devices it maintained
 * lose the link; the history keeps what the provider was.
 */
export async function deleteProvider(
  deps: InventoryDeps,
  input: { actor: Actor; providerId: string; version: number; context?: RequestContext },
): Promise<void> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const at = deps.clock();
  await deps.database.db.transaction().execute(async (transaction) => {
    const before = await findProvider(transaction, organisationId, input.providerId);
    if (!before) throw notFound('provider');
    if (
      input.version !== before.version ||
      !(await removeProvider(transaction, organisationId, before.id, input.version))
    )
      throw staleVersion('provider', before.version, before);
    await recordInventoryChange(transaction, actor, input.context, at, {
      organisationId,
      entityKind: 'provider',
      entityId: before.id,
      version: before.version + 1,
      action: 'delete',
      before: providerFields(before),
      after: null,
    });
  });
}
