import { randomUUID } from 'node:crypto';
import type { Actor } from '../../core/auth/actor';
import { dataFlowProblems } from '../../core/inventory/data-flow-rules';
import {
  defaultCrossesBorder,
  defaultCrossesInternet,
  type DataFlow,
  type DataFlowFields,
} from '../../core/inventory/data-flow.types';
import { insertDataFlow } from '../../db/inventory/data-flow.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { RequestContext } from '../auth/account-deps';
import { missingRefProblems } from './check-inventory-refs';
import { dataFlowFields, dataFlowRefs, presentDataFlows, type DataFlowView } from './data-flow-fields';
import { throwIfInvalid } from './inventory-errors';
import type { InventoryDeps } from './inventory-deps';
import { recordInventoryChange } from './record-inventory-change';

/** A new flow: its ends and protocol; what is left out gets a default (see createDataFlow). */
export type DataFlowInput = Pick<DataFlowFields, 'from' | 'to' | 'protocol'> & Partial<DataFlowFields>;

/**
 * Adds a data flow (version 1). Defaults: the system is the system end when there is one;
 * encryption unknown; crosses the internet when an end is external; crosses a border when the
 * ends' countries differ (devices and systems are in the organisation's country, JP). Device and
 * system ends must be the organisation's. History and audit in the same transaction.
 */
export async function createDataFlow(
  deps: InventoryDeps,
  input: { actor: Actor; flow: DataFlowInput; context?: RequestContext },
): Promise<DataFlowView> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const at = deps.clock();
  const given = input.flow;
  const systemEnd = [given.from, given.to].find((end) => end.kind === 'system');
  const flow: DataFlow = {
    id: randomUUID(),
    systemId: given.systemId !== undefined ? given.systemId : systemEnd?.kind === 'system' ? systemEnd.id : null,
    from: normaliseEnd(given.from),
    to: normaliseEnd(given.to),
    protocol: given.protocol.trim(),
    port: given.port ?? null,
    dataClasses: given.dataClasses ?? [],
    encrypted: given.encrypted ?? 'unknown',
    crossesInternet: given.crossesInternet ?? defaultCrossesInternet(given.from, given.to),
    crossesBorder: given.crossesBorder ?? defaultCrossesBorder(normaliseEnd(given.from), normaliseEnd(given.to)),
    description: given.description ?? '',
    version: 1,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  };
  throwIfInvalid('data flow', dataFlowProblems(flow));
  return deps.database.db.transaction().execute(async (transaction) => {
    throwIfInvalid('data flow', await missingRefProblems(transaction, organisationId, dataFlowRefs(flow)));
    await insertDataFlow(transaction, organisationId, flow);
    await recordInventoryChange(transaction, actor, input.context, at, {
      organisationId,
      entityKind: 'data_flow',
      entityId: flow.id,
      version: 1,
      action: 'create',
      before: null,
      after: dataFlowFields(flow),
    });
    const [view] = await presentDataFlows(transaction, organisationId, [flow]);
    return view!;
  });
}

/** Trims an external party's name and upper-cases its country code (jp → JP). */
export function normaliseEnd(end: DataFlowFields['from']): DataFlowFields['from'] {
  return end.kind === 'external'
    ? { kind: 'external', name: end.name.trim(), country: end.country.trim().toUpperCase() }
    : { kind: end.kind, id: String(end.id).trim() };
}
