import type { Actor } from '../../core/auth/actor';
import { deleteDataFlow as removeDataFlow, findDataFlow } from '../../db/inventory/data-flow.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { RequestContext } from '../auth/account-deps';
import { dataFlowFields } from './data-flow-fields';
import { notFound, staleVersion } from './inventory-errors';
import type { InventoryDeps } from './inventory-deps';
import { recordInventoryChange } from './record-inventory-change';

/** Deletes a data flow seen at `version` (stale: CONFLICT with the stored one); history and audit. */
export async function deleteDataFlow(
  deps: InventoryDeps,
  input: { actor: Actor; flowId: string; version: number; context?: RequestContext },
): Promise<void> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const at = deps.clock();
  await deps.database.db.transaction().execute(async (transaction) => {
    const before = await findDataFlow(transaction, organisationId, input.flowId);
    if (!before) throw notFound('data flow');
    if (
      input.version !== before.version ||
      !(await removeDataFlow(transaction, organisationId, before.id, input.version))
    )
      throw staleVersion('data flow', before.version, before);
    await recordInventoryChange(transaction, actor, input.context, at, {
      organisationId,
      entityKind: 'data_flow',
      entityId: before.id,
      version: before.version + 1,
      action: 'delete',
      before: dataFlowFields(before),
      after: null,
    });
  });
}
