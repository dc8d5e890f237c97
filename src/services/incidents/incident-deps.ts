import type { Catalog } from '../../core/catalog/catalog.types';
import type { Database } from '../../db/database';

/** What incident use cases need: the database, a clock tests can move, the catalog (lessons name its items). */
export interface IncidentDeps {
  readonly database: Database;
  readonly clock: () => Date;
  readonly catalog: Catalog;
}
