import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Actor } from '../../core/auth/actor';
import { isUserActor } from '../../core/auth/actor';
import type { DatabaseSchema } from '../../db/database';
import { adjustFacetCounts, facetValuesOf } from '../../db/inventory/device-facets.repository';
import { insertHistoryRows } from '../../db/inventory/device-history.repository';
import type { DeviceTable, InventoryHistoryTable } from '../../db/inventory/inventory.table';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';

/** What a device history entry records as its kind of change. */
export type DeviceHistoryAction = 'create' | 'update' | 'delete';

/** The user id a write is stamped with (null for the CLI operator). */
export function writerId(actor: Actor): string | null {
  return isUserActor(actor) && actor.userId !== '' ? actor.userId : null;
}

/** One history row of a device change (before/after: the changed fields only). */
export function deviceHistoryRow(input: {
  organisationId: string;
  deviceId: number;
  version: number;
  action: DeviceHistoryAction;
  at: string;
  by: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}): InventoryHistoryTable {
  return {
    id: randomUUID(),
    organisation_id: input.organisationId,
    entity_kind: 'device',
    entity_id: String(input.deviceId),
    version: input.version,
    action: input.action,
    changed_at: input.at,
    changed_by: input.by,
    import_id: null,
    before: input.before === null ? null : JSON.stringify(input.before),
    after: input.after === null ? null : JSON.stringify(input.after),
  };
}

/**
 * The three records every single-device write leaves in its transaction: a history row, the
 * facet counts moved from the old row to the new one, and an audit entry.
 */
export async function recordDeviceChange(
  transaction: Transaction<DatabaseSchema>,
  input: {
    actor: Actor;
    context: RequestContext | undefined;
    at: Date;
    organisationId: string;
    deviceId: number;
    version: number;
    action: DeviceHistoryAction;
    beforeRow: DeviceTable | null;
    afterRow: DeviceTable | null;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  },
): Promise<void> {
  const at = input.at.toISOString();
  await insertHistoryRows(transaction, [deviceHistoryRow({ ...input, at, by: writerId(input.actor) })]);
  await adjustFacetCounts(
    transaction,
    input.organisationId,
    input.beforeRow ? facetValuesOf(input.beforeRow) : null,
    input.afterRow ? facetValuesOf(input.afterRow) : null,
  );
  await recordAudit(transaction, input.actor, input.context, input.at, {
    organisationId: input.organisationId,
    action: input.action === 'create' ? 'device.create' : input.action === 'update' ? 'device.update' : 'device.delete',
    targetType: 'device',
    targetId: String(input.deviceId),
    ...(input.before ? { before: input.before } : {}),
    ...(input.after ? { after: input.after } : {}),
  });
}
