import type { Kysely } from 'kysely';
import type { ColumnMapping } from '../../core/inventory/inventory-settings.types';
import type { DatabaseSchema } from '../database';

type Db = Kysely<DatabaseSchema>;

/** The organisation's saved import column mapping with its version (0 and empty when none was saved). */
export interface StoredColumnMapping {
  readonly mapping: ColumnMapping;
  readonly version: number;
  readonly updatedAt: string | null;
}

/** Reads the saved mapping; an organisation that never saved one has version 0 and `{}`. */
export async function findColumnMapping(db: Db, organisationId: string): Promise<StoredColumnMapping> {
  const row = await db
    .selectFrom('inventory_column_mapping')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (!row) return { mapping: {}, version: 0, updatedAt: null };
  return { mapping: JSON.parse(row.mapping) as ColumnMapping, version: Number(row.version), updatedAt: row.updated_at };
}

/**
 * Stores `mapping` as version `expectedVersion + 1` only if the stored one is at `expectedVersion`
 * (0 = none stored yet: inserts; a twin insert fails on the primary key and returns false).
 */
export async function saveColumnMapping(
  db: Db,
  organisationId: string,
  mapping: ColumnMapping,
  expectedVersion: number,
  at: { updatedAt: string; updatedBy: string | null },
): Promise<boolean> {
  const columns = {
    mapping: JSON.stringify(mapping),
    version: expectedVersion + 1,
    updated_at: at.updatedAt,
    updated_by: at.updatedBy,
  };
  if (expectedVersion === 0) {
    const result = await db
      .insertInto('inventory_column_mapping')
      .values({ organisation_id: organisationId, ...columns })
      .onConflict((conflict) => conflict.column('organisation_id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }
  const result = await db
    .updateTable('inventory_column_mapping')
    .set(columns)
    .where('organisation_id', '=', organisationId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
