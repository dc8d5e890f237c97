import type { Kysely } from 'kysely';
import type { CatalogVersionTable } from './catalog-version.table';

/** Every table iotcheck stores, by name. Timestamps are ISO-8601 UTC text on both dialects. */
export interface DatabaseSchema {
  catalog_version: CatalogVersionTable;
}

export type DatabaseDialect = 'sqlite' | 'postgres';

/** An open database: the query builder, which dialect it speaks, and how to close it. */
export interface Database {
  readonly db: Kysely<DatabaseSchema>;
  readonly dialect: DatabaseDialect;
  close(): Promise<void>;
}
