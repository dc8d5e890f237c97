import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DeviceFilter, SupportBounds } from '../../core/inventory/device-filter';
import type { DatabaseSchema } from '../database';
import { allOf, filterConditions } from './device-filter-sql';
import type { DeviceTable } from './inventory.table';

type Db = Kysely<DatabaseSchema>;

/** Devices chosen by id, or by a list filter. */
export type DeviceSelection = { readonly ids: readonly number[] } | { readonly filter: DeviceFilter };

/**
 * The next rows of a selection in id order after `afterId`, and the id to continue after
 * (undefined when the selection is exhausted): bulk writes and exports walk a
 * selection in pages this way (keyset on the primary key), whatever its size.
 */
export async function selectDeviceRowsAfter(
  db: Db,
  organisationId: string,
  selection: DeviceSelection,
  bounds: SupportBounds,
  afterId: number,
  limit: number,
): Promise<{ rows: DeviceTable[]; lastId: number | undefined }> {
  const query = db
    .selectFrom('device')
    .selectAll()
    .where('id', '>', afterId)
    .orderBy(sql<SqlBool>`id`);
  if ('ids' in selection) {
    // Ids a client names may not exist (or be another organisation's): walk the ids, not the rows.
    const ids = [...new Set(selection.ids)]
      .filter((id) => id > afterId)
      .sort((a, b) => a - b)
      .slice(0, limit);
    if (ids.length === 0) return { rows: [], lastId: undefined };
    const rows = await query.where('organisation_id', '=', organisationId).where('id', 'in', ids).execute();
    return { rows, lastId: ids.at(-1) };
  }
  const rows = await query
    .where(allOf(filterConditions(organisationId, selection.filter, bounds)))
    .limit(limit)
    .execute();
  return { rows, lastId: rows.length < limit ? undefined : Number(rows.at(-1)!.id) };
}
