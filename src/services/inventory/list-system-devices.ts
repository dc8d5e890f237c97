import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import type { DeviceSort, SortDirection } from '../../core/inventory/device-filter';
import { findSystem } from '../../db/system.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { InventoryDeps } from './inventory-deps';
import { listDevices, type DevicePage } from './list-devices';

/** A page of the devices of one system (NOT_FOUND for a system outside the organisation). */
export async function listSystemDevices(
  deps: InventoryDeps,
  input: { actor: Actor; systemId: string; sort?: DeviceSort; dir?: SortDirection; limit?: number; after?: string },
): Promise<DevicePage> {
  const { organisationId } = requireOrganisation(input.actor);
  if (!(await findSystem(deps.database.db, organisationId, input.systemId)))
    throw new DomainError('NOT_FOUND', 'No such system in this organisation.');
  const { systemId, ...paging } = input;
  return listDevices(deps, { ...paging, filter: { systemId: [systemId] } });
}
