import type { Transaction } from 'kysely';
import { DEVICE_DEFAULTS } from '../../core/inventory/device-defaults';
import type { RowFields } from '../../core/inventory/import/parse-device-row';
import type { DatabaseSchema } from '../database';
import { columnValue, DEVICE_FIELD_COLUMNS, type DeviceFieldKey } from './device-row';
import type { BulkConnection } from './import-connection';
import { openPostgresImportWriter } from './device-import-writer.postgres';
import { openSqliteImportWriter } from './device-import-writer.sqlite';

/** One valid row of an import: the fields its file sets (only the columns the file has). */
export interface ImportDeviceRow {
  readonly row: number;
  readonly fields: RowFields;
}

export interface ImportCounts {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

/** What every device write of one import shares. */
export interface ImportWriteContext {
  readonly organisationId: string;
  readonly importId: string;
  /** The fields the file has columns for: an update changes these and leaves the rest alone. */
  readonly presentFields: readonly DeviceFieldKey[];
  readonly now: string;
  readonly actorUserId: string | null;
  /** About how many rows the file holds (from its size): a large first load may rebuild indexes. */
  readonly expectedRows: number;
  /** Rebuild secondary indexes after the load instead of maintaining them, from this many rows up. */
  readonly rebuildIndexesFrom?: number;
}

/**
 * Upserts devices by asset tag inside the caller's transaction on a bulk connection. New devices
 * start from the defaults; existing ones change only in the present fields and get a history
 * entry (before/after of those fields, column form) when something differed.
 */
export interface DeviceImportWriter {
  write(rows: readonly ImportDeviceRow[]): Promise<void>;
  finish(): Promise<ImportCounts>;
  /** Stops a writer that will not finish (the transaction is about to roll back). */
  abort(): Promise<void>;
}

export function openDeviceImportWriter(
  bulk: BulkConnection,
  transaction: Transaction<DatabaseSchema>,
  context: ImportWriteContext,
): Promise<DeviceImportWriter> {
  return bulk.dialect === 'sqlite'
    ? openSqliteImportWriter(bulk.sqlite, context)
    : openPostgresImportWriter(bulk.client, transaction, context);
}

/** Every editable field with its column, in the order writers lay out their statements. */
export const FIELD_ORDER = Object.entries(DEVICE_FIELD_COLUMNS) as ReadonlyArray<readonly [DeviceFieldKey, string]>;

/** The stored values of a new device made from `fields` (defaults for what the file lacks). */
export function newDeviceValues(fields: RowFields): Array<string | number | null> {
  const values: Array<string | number | null> = new Array(FIELD_ORDER.length);
  for (let i = 0; i < FIELD_ORDER.length; i++) {
    const key = FIELD_ORDER[i]![0];
    let value = fields[key];
    if (value === undefined)
      value = key === 'name' ? fields.assetTag : DEVICE_DEFAULTS[key as keyof typeof DEVICE_DEFAULTS];
    values[i] = columnValue(key, value as never);
  }
  return values;
}
