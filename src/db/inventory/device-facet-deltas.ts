import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from '../database';
import type { Facet } from './device-facets.repository';

// Many devices' facet moves summed first and written once per (facet, value): a bulk edit of
// 10,000 devices touches a handful of count rows, not 20,000.

type Db = Kysely<DatabaseSchema>;

/** Summed count changes: facet → value → delta. */
export class FacetDeltas {
  readonly #deltas = new Map<Facet, Map<string, number>>();

  /** Moves one device from `from` to `to` in `facet` (null values count under ''). */
  move(facet: Facet, from: string | null, to: string | null): void {
    const before = from ?? '';
    const after = to ?? '';
    if (before === after) return;
    this.#add(facet, before, -1);
    this.#add(facet, after, 1);
  }

  #add(facet: Facet, value: string, delta: number): void {
    const values = this.#deltas.get(facet) ?? new Map<string, number>();
    values.set(value, (values.get(value) ?? 0) + delta);
    this.#deltas.set(facet, values);
  }

  /** Writes the summed changes (in the caller's transaction), dropping counts that reach 0. */
  async apply(db: Db, organisationId: string): Promise<void> {
    for (const [facet, values] of this.#deltas) {
      for (const [value, delta] of values) {
        if (delta === 0) continue;
        await db
          .insertInto('device_facet_count')
          .values({ organisation_id: organisationId, facet, value, count: delta })
          .onConflict((conflict) =>
            conflict
              .columns(['organisation_id', 'facet', 'value'])
              .doUpdateSet({ count: sql<number>`device_facet_count.count + ${delta}` }),
          )
          .execute();
      }
      await db
        .deleteFrom('device_facet_count')
        .where('organisation_id', '=', organisationId)
        .where('facet', '=', facet)
        .where('count', '<=', 0)
        .execute();
    }
  }
}
