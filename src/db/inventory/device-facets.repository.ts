import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from '../database';

// Facet counts of an organisation's devices, kept in `device_facet_count` beside the devices so
// the unfiltered inventory shows its facets without counting a million rows. An import rebuilds
// an organisation's counts in its transaction; single writes adjust them in theirs.
// Support status is derived from `support_until` days, so that facet counts dates, not buckets.

type Db = Kysely<DatabaseSchema>;

/** Facet name → the device column it counts. */
export const FACET_COLUMNS = {
  deviceClass: 'device_class',
  manufacturer: 'manufacturer',
  model: 'model',
  firmwareVersion: 'firmware_version',
  site: 'site',
  status: 'status',
  supportUntil: 'support_until',
} as const;

export type Facet = keyof typeof FACET_COLUMNS;
export type FacetValues = Readonly<Record<Facet, string | null>>;
export type FacetCounts = Record<Facet, Array<{ value: string; count: number }>>;

const NONE = ''; // a null column (e.g. no support date) is counted under the empty value

/** Recounts every facet of one organisation from its devices. */
export async function rebuildFacetCounts(db: Db, organisationId: string): Promise<void> {
  await db.deleteFrom('device_facet_count').where('organisation_id', '=', organisationId).execute();
  for (const [facet, column] of Object.entries(FACET_COLUMNS)) {
    await sql`INSERT INTO device_facet_count (organisation_id, facet, value, count)
      SELECT ${organisationId}, ${facet}, COALESCE(${sql.ref(column)}, ''), count(*)
      FROM device WHERE organisation_id = ${organisationId}
      GROUP BY COALESCE(${sql.ref(column)}, '')`.execute(db);
  }
}

/** The facet values of a device row (what `adjustFacetCounts` moves between). */
export function facetValuesOf(row: Readonly<Record<(typeof FACET_COLUMNS)[Facet], string | null>>): FacetValues {
  const values = {} as Record<Facet, string | null>;
  for (const [facet, column] of Object.entries(FACET_COLUMNS)) values[facet as Facet] = row[column];
  return values;
}

/**
 * Moves one device's counts from `before` to `after` (null: the device did not exist / no longer
 * exists). Call it in the transaction that writes the device.
 */
export async function adjustFacetCounts(
  db: Db,
  organisationId: string,
  before: FacetValues | null,
  after: FacetValues | null,
): Promise<void> {
  for (const facet of Object.keys(FACET_COLUMNS) as Facet[]) {
    const from = before ? (before[facet] ?? NONE) : undefined;
    const to = after ? (after[facet] ?? NONE) : undefined;
    if (from === to) continue;
    if (from !== undefined) await addToCount(db, organisationId, facet, from, -1);
    if (to !== undefined) await addToCount(db, organisationId, facet, to, 1);
  }
}

async function addToCount(db: Db, organisationId: string, facet: Facet, value: string, delta: number) {
  await db
    .insertInto('device_facet_count')
    .values({ organisation_id: organisationId, facet, value, count: delta })
    .onConflict((conflict) =>
      conflict
        .columns(['organisation_id', 'facet', 'value'])
        .doUpdateSet({ count: sql<number>`device_facet_count.count + ${delta}` }),
    )
    .execute();
  if (delta < 0) {
    await db
      .deleteFrom('device_facet_count')
      .where('organisation_id', '=', organisationId)
      .where('facet', '=', facet)
      .where('value', '=', value)
      .where('count', '<=', 0)
      .execute();
  }
}

/** Every facet's values with their counts, most frequent first (the unfiltered inventory). */
export async function readFacetCounts(db: Db, organisationId: string): Promise<FacetCounts> {
  const rows = await db
    .selectFrom('device_facet_count')
    .select(['facet', 'value', 'count'])
    .where('organisation_id', '=', organisationId)
    .execute();
  const counts = Object.fromEntries(Object.keys(FACET_COLUMNS).map((facet) => [facet, []])) as unknown as FacetCounts;
  for (const row of rows) counts[row.facet as Facet]?.push({ value: row.value, count: Number(row.count) });
  for (const list of Object.values(counts)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return counts;
}
