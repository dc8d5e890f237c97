import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import { changedDeviceFields, pickDeviceFields } from '../../core/inventory/device-changes';
import { supportBounds, type DeviceFilter } from '../../core/inventory/device-filter';
import type { DeviceFields } from '../../core/inventory/device.types';
import { validateDeviceFields } from '../../core/inventory/validate-device-fields';
import { selectDeviceRowsAfter, type DeviceSelection } from '../../db/inventory/device-bulk.repository';
import { FacetDeltas } from '../../db/inventory/device-facet-deltas';
import { insertHistoryRows } from '../../db/inventory/device-history.repository';
import { columnValue, DEVICE_FIELD_COLUMNS, toDeviceFields, type DeviceColumns } from '../../db/inventory/device-row';
import { updateDeviceRows } from '../../db/inventory/device.repository';
import type { InventoryHistoryTable } from '../../db/inventory/inventory.table';
import { recordAudit } from '../audit/record-audit';
import { requireOrganisation } from '../accounts/require-user';
import type { RequestContext } from '../auth/account-deps';
import type { InventoryDeps } from './inventory-deps';
import { deviceHistoryRow, writerId } from './record-device-change';

/** The fields a bulk edit may set on many devices at once. */
export const BULK_FIELDS = [
  'site',
  'building',
  'floor',
  'room',
  'owner',
  'status',
  'networkZone',
  'criticality',
  'maintainer',
  'tags',
] as const;
export type BulkField = (typeof BULK_FIELDS)[number];

/** Bulk-edit values as a client sent them. */
export type BulkSet = { readonly [K in BulkField]?: unknown };

const PAGE = 500;

/**
 * Sets the same fields on every selected device (by ids, or every device matching a filter) in
 * one transaction: each changed device gets its next version and a history row, the facet counts
 * move once per value, and ONE audit entry records the selection, the values and the count.
 * Devices that already have the values are left alone (and not counted).
 */
export async function bulkEditDevices(
  deps: InventoryDeps,
  input: {
    actor: Actor;
    selection: { ids: readonly number[] } | { filter: DeviceFilter };
    set: BulkSet;
    context?: RequestContext;
  },
): Promise<{ updated: number }> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const given = Object.fromEntries(
    BULK_FIELDS.filter((key) => input.set[key] !== undefined).map((key) => [key, input.set[key]]),
  );
  const check = validateDeviceFields(given);
  if (check.problems.length > 0)
    throw new DomainError(
      'VALIDATION_FAILED',
      'The values to set are not valid.',
      check.problems.map((problem) => ({ ...problem, field: `set.${problem.field}` })),
    );
  const keys = Object.keys(check.fields) as (keyof DeviceFields)[];
  if (keys.length === 0)
    throw new DomainError('VALIDATION_FAILED', 'Name at least one field to set.', [
      { field: 'set', reason: 'no field to set', code: 'missing' },
    ]);
  const columns: Record<string, unknown> = {};
  for (const key of keys)
    columns[DEVICE_FIELD_COLUMNS[key]] = columnValue(key, check.fields[key] as DeviceFields[typeof key]);
  const now = deps.clock();
  const stamp = { at: now.toISOString(), by: writerId(actor) };
  const bounds = supportBounds(now);
  const selection: DeviceSelection = input.selection;

  return deps.database.db.transaction().execute(async (transaction) => {
    const deltas = new FacetDeltas();
    let updated = 0;
    let afterId: number | undefined = 0;
    while (afterId !== undefined) {
      const page = await selectDeviceRowsAfter(transaction, organisationId, selection, bounds, afterId, PAGE);
      afterId = page.lastId;
      const rows = page.rows;
      const changedIds: number[] = [];
      const history: InventoryHistoryTable[] = [];
      for (const row of rows) {
        const before = toDeviceFields(row);
        const changed = changedDeviceFields(before, check.fields);
        if (changed.length === 0) continue;
        const id = Number(row.id);
        changedIds.push(id);
        history.push(
          deviceHistoryRow({
            organisationId,
            deviceId: id,
            version: Number(row.version) + 1,
            action: 'update',
            at: stamp.at,
            by: stamp.by,
            before: pickDeviceFields(before, changed),
            after: pickDeviceFields(check.fields, changed),
          }),
        );
        if (check.fields.site !== undefined) deltas.move('site', row.site, check.fields.site);
        if (check.fields.status !== undefined) deltas.move('status', row.status, check.fields.status);
      }
      updated += await updateDeviceRows(
        transaction,
        organisationId,
        changedIds,
        columns as Partial<DeviceColumns>,
        stamp,
      );
      await insertHistoryRows(transaction, history);
    }
    await deltas.apply(transaction, organisationId);
    await recordAudit(transaction, actor, input.context, now, {
      organisationId,
      action: 'device.bulk_update',
      targetType: 'device',
      targetId: 'ids' in selection ? selection.ids.slice(0, 20).join(',') : 'filter',
      after: {
        ...pickDeviceFields(check.fields, keys),
        selection: 'ids' in selection ? { ids: selection.ids.length } : { filter: selection.filter },
        updated,
      },
    });
    return { updated };
  });
}
