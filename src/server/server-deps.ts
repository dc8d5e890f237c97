import type { AppConfig } from '../config/config';
import type { Database } from '../db/database';
import type { CatalogDeps } from '../services/catalog/catalog-deps';

/** What the HTTP edge is built from: configuration and open resources, nothing request-scoped. */
export interface ServerDeps extends CatalogDeps {
  readonly config: AppConfig;
  readonly database: Database;
}
