import type { Catalog } from '../../core/catalog/catalog.types';
import type { Database } from '../../db/database';

/** What assessment use cases need: the database, a clock tests can move, and the loaded catalog. */
export interface AssessmentDeps {
  readonly database: Database;
  readonly clock: () => Date;
  readonly catalog: Catalog;
}
