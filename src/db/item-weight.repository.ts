import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './database';

type Db = Kysely<DatabaseSchema>;

/** The organisation's item weights by item id; items not listed weigh the default. */
export async function listItemWeights(db: Db, organisationId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('item_weight')
    .select(['item_id', 'weight'])
    .where('organisation_id', '=', organisationId)
    .orderBy('item_id')
    .execute();
  return new Map(rows.map((row) => [row.item_id, Number(row.weight)]));
}

/** Replaces all of the organisation's item weights with `weights` (call inside a transaction). */
export async function replaceItemWeights(
  db: Db,
  organisationId: string,
  weights: ReadonlyMap<string, number>,
): Promise<void> {
  await db.deleteFrom('item_weight').where('organisation_id', '=', organisationId).execute();
  if (weights.size === 0) return;
  await db
    .insertInto('item_weight')
    .values([...weights].map(([itemId, weight]) => ({ organisation_id: organisationId, item_id: itemId, weight })))
    .execute();
}
