import type { Actor } from '../../core/auth/actor';
import { listDataFlows as readDataFlows } from '../../db/inventory/data-flow.repository';
import { requireOrganisation } from '../accounts/require-user';
import { presentDataFlows, type DataFlowView } from './data-flow-fields';
import type { InventoryDeps } from './inventory-deps';

/** The data flows of the actor's organisation (of one system when `systemId` is given), ends labelled. */
export async function listDataFlows(
  deps: InventoryDeps,
  input: { actor: Actor; systemId?: string },
): Promise<DataFlowView[]> {
  const { organisationId } = requireOrganisation(input.actor);
  const db = deps.database.db;
  return presentDataFlows(db, organisationId, await readDataFlows(db, organisationId, input.systemId));
}
