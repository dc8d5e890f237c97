import type { Actor } from '../../core/auth/actor';
import { deleteStakeholder as removeStakeholder, findStakeholder } from '../../db/inventory/stakeholder.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { RequestContext } from '../auth/account-deps';
import { notFound, staleVersion } from './inventory-errors';
import type { InventoryDeps } from './inventory-deps';
import { recordInventoryChange } from './record-inventory-change';
import { stakeholderFields } from './stakeholder-fields';

/** Deletes a stakeholder seen at `version` (stale: CONFLICT with the stored one); history and audit. */
export async function deleteStakeholder(
  deps: InventoryDeps,
  input: { actor: Actor; stakeholderId: string; version: number; context?: RequestContext },
): Promise<void> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const at = deps.clock();
  await deps.database.db.transaction().execute(async (transaction) => {
    const before = await findStakeholder(transaction, organisationId, input.stakeholderId);
    if (!before) throw notFound('stakeholder');
    if (
      input.version !== before.version ||
      !(await removeStakeholder(transaction, organisationId, before.id, input.version))
    )
      throw staleVersion('stakeholder', before.version, before);
    await recordInventoryChange(transaction, actor, input.context, at, {
      organisationId,
      entityKind: 'stakeholder',
      entityId: before.id,
      version: before.version + 1,
      action: 'delete',
      before: stakeholderFields(before),
      after: null,
    });
  });
}
