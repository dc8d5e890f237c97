import type { Database } from '../../db/database';

/** What inventory use cases need: the database and a clock tests can move. */
export interface InventoryDeps {
  readonly database: Database;
  readonly clock: () => Date;
}
