import type { Actor } from '../../core/auth/actor';
import { changedFields, isUnchanged } from '../../core/inventory/changed-fields';
import { dataFlowProblems } from '../../core/inventory/data-flow-rules';
import {
  defaultCrossesBorder,
  defaultCrossesInternet,
  type DataFlow,
  type DataFlowFields,
} from '../../core/inventory/data-flow.types';
import { findDataFlow, updateDataFlow as writeDataFlow } from '../../db/inventory/data-flow.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { RequestContext } from '../auth/account-deps';
import { missingRefProblems } from './check-inventory-refs';
import { normaliseEnd } from './create-data-flow';
import { dataFlowFields, dataFlowRefs, presentDataFlows, type DataFlowView } from './data-flow-fields';
import { notFound, staleVersion, throwIfInvalid } from './inventory-errors';
import type { InventoryDeps } from './inventory-deps';
import { recordInventoryChange } from './record-inventory-change';

/** The fields to change (left out = unchanged) and the version they were edited from. */
export type DataFlowChanges = Partial<DataFlowFields> & { readonly version: number };

/**
 * Changes a flow with optimistic locking (stale: CONFLICT with the stored one). When an end
 * changes and "crosses the internet/a border" are not given, they are derived again from the
 * new ends. History and audit in the same transaction.
 */
export async function updateDataFlow(
  deps: InventoryDeps,
  input: { actor: Actor; flowId: string; changes: DataFlowChanges; context?: RequestContext },
): Promise<DataFlowView> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const at = deps.clock();
  const { version, ...changes } = input.changes;
  return deps.database.db.transaction().execute(async (transaction) => {
    const before = await findDataFlow(transaction, organisationId, input.flowId);
    if (!before) throw notFound('data flow');
    if (version !== before.version) throw staleVersion('data flow', before.version, before);
    const from = changes.from !== undefined ? normaliseEnd(changes.from) : before.from;
    const to = changes.to !== undefined ? normaliseEnd(changes.to) : before.to;
    const endsMoved = changes.from !== undefined || changes.to !== undefined;
    const merged: DataFlow = {
      ...before,
      from,
      to,
      ...(changes.systemId !== undefined ? { systemId: changes.systemId } : {}),
      ...(changes.protocol !== undefined ? { protocol: changes.protocol.trim() } : {}),
      ...(changes.port !== undefined ? { port: changes.port } : {}),
      ...(changes.dataClasses !== undefined ? { dataClasses: changes.dataClasses } : {}),
      ...(changes.encrypted !== undefined ? { encrypted: changes.encrypted } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      crossesInternet:
        changes.crossesInternet ?? (endsMoved ? defaultCrossesInternet(from, to) : before.crossesInternet),
      crossesBorder: changes.crossesBorder ?? (endsMoved ? defaultCrossesBorder(from, to) : before.crossesBorder),
    };
    throwIfInvalid('data flow', dataFlowProblems(merged));
    throwIfInvalid('data flow', await missingRefProblems(transaction, organisationId, dataFlowRefs(merged)));
    let stored = before;
    if (!isUnchanged(changedFields(dataFlowFields(before), dataFlowFields(merged)))) {
      stored = { ...merged, version: before.version + 1, updatedAt: at.toISOString() };
      if (!(await writeDataFlow(transaction, organisationId, stored, before.version)))
        throw staleVersion('data flow', before.version, before);
      await recordInventoryChange(transaction, actor, input.context, at, {
        organisationId,
        entityKind: 'data_flow',
        entityId: stored.id,
        version: stored.version,
        action: 'update',
        before: dataFlowFields(before),
        after: dataFlowFields(stored),
      });
    }
    const [view] = await presentDataFlows(transaction, organisationId, [stored]);
    return view!;
  });
}
