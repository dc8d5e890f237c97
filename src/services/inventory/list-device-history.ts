import type { Actor } from '../../core/auth/actor';
import { listDeviceHistoryRows, findImportAt } from '../../db/inventory/device-history.repository';
import { fieldValueFromHistory } from '../../db/inventory/device-row';
import { requireOrganisation } from '../accounts/require-user';
import type { InventoryDeps } from './inventory-deps';
import { requireDeviceRow } from './require-device';

/** One entry of a device's history: when, by whom (display name), what, and each field's before/after. */
export interface DeviceHistoryEntry {
  readonly at: string;
  readonly by: string | null;
  readonly action: string;
  readonly importId: string | null;
  readonly changes: { field: string; before: unknown; after: unknown }[];
}

const HISTORY_LIMIT = 500;

const parse = (text: string | null): Record<string, unknown> =>
  text === null ? {} : (JSON.parse(text) as Record<string, unknown>);

/**
 * A device's history, newest first. A device an import created has no history row of its own
 * creation (imports write none for new devices), so it ends with one 'import' entry naming the run.
 */
export async function listDeviceHistory(
  deps: Pick<InventoryDeps, 'database'>,
  input: { actor: Actor; deviceId: string | number },
): Promise<{ entries: DeviceHistoryEntry[] }> {
  const { organisationId } = requireOrganisation(input.actor);
  const db = deps.database.db;
  const device = await requireDeviceRow(db, organisationId, input.deviceId);
  const rows = await listDeviceHistoryRows(db, organisationId, Number(device.id), HISTORY_LIMIT);
  const entries: DeviceHistoryEntry[] = rows.map((row) => {
    const before = parse(row.before);
    const after = parse(row.after);
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return {
      at: row.changed_at,
      by: row.changed_by_name,
      action: row.action,
      importId: row.import_id,
      changes: fields
        .map((field) => ({
          field,
          before: row.before === null ? null : fieldValueFromHistory(field, before[field] ?? null),
          after: row.after === null ? null : fieldValueFromHistory(field, after[field] ?? null),
        }))
        // An import on PostgreSQL records every column the file has; show what actually changed.
        .filter((change) => JSON.stringify(change.before) !== JSON.stringify(change.after)),
    };
  });
  if (rows.length < HISTORY_LIMIT && !rows.some((row) => row.action === 'create')) {
    const run = await findImportAt(db, organisationId, device.created_at);
    if (run)
      entries.push({ at: run.finished_at, by: run.imported_by_name, action: 'import', importId: run.id, changes: [] });
  }
  return { entries };
}
