import type { Catalog } from '../../core/catalog/catalog.types';
import type { Database } from '../../db/database';

/** What the finding use cases need: the database, a clock, and the catalog (to check items). */
export interface FindingDeps {
  readonly database: Database;
  readonly clock: () => Date;
  readonly catalog: Catalog;
}
