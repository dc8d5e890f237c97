import type { Writable } from 'node:stream';
import type { Actor } from '../../core/auth/actor';
import { supportBounds, type DeviceFilter } from '../../core/inventory/device-filter';
import { DEVICE_EXPORT_HEADERS, deviceExportCells } from '../../core/inventory/device-export-columns';
import type { DeviceCursor } from '../../db/inventory/device-cursor';
import { listDeviceRows } from '../../db/inventory/device-list.repository';
import { toDevice } from '../../db/inventory/device-row';
import {
  createCsvRowWriter,
  createXlsxRowWriter,
  type RowWriter,
} from '../../integrations/exports/device-export-writer';
import { requireOrganisation } from '../accounts/require-user';
import type { InventoryDeps } from './inventory-deps';

export type DeviceExportFormat = 'csv' | 'xlsx';

const PAGE = 1000;

/** The media type and file name of an export. */
export function deviceExportFile(format: DeviceExportFormat): { mediaType: string; fileName: string } {
  return format === 'csv'
    ? { mediaType: 'text/csv; charset=utf-8', fileName: 'devices.csv' }
    : { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: 'devices.xlsx' };
}

/**
 * Writes the organisation's devices matching `filter`, by asset tag, to `out` as CSV or XLSX:
 * one header row of canonical English headers, then one row per device, read in keyset pages and
 * written as they come. Returns how many devices were written; the caller closes `out` for CSV
 * (XLSX ends it when the workbook is complete).
 */
export async function exportDevices(
  deps: InventoryDeps,
  input: { actor: Actor; filter: DeviceFilter; format: DeviceExportFormat; out: Writable },
): Promise<number> {
  const { organisationId } = requireOrganisation(input.actor);
  const writer: RowWriter =
    input.format === 'csv' ? createCsvRowWriter(input.out) : createXlsxRowWriter(input.out, 'devices');
  const bounds = supportBounds(deps.clock());
  await writer.write(DEVICE_EXPORT_HEADERS);
  let after: DeviceCursor | undefined;
  let count = 0;
  for (;;) {
    const page = await listDeviceRows(deps.database.db, {
      organisationId,
      filter: input.filter,
      bounds,
      sort: 'assetTag',
      dir: 'asc',
      limit: PAGE,
      after,
    });
    for (const row of page.rows) await writer.write(deviceExportCells(toDevice(row)));
    count += page.rows.length;
    const last = page.rows.at(-1);
    if (!page.hasMore || !last) break;
    after = { sort: 'assetTag', dir: 'asc', value: last.sort_value, id: Number(last.id) };
  }
  await writer.end();
  return count;
}
