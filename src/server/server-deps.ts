import type { AppConfig } from '../config/config';
import type { Database } from '../db/database';

/** What the HTTP edge is built from: configuration and open resources, nothing request-scoped. */
export interface ServerDeps {
  readonly config: AppConfig;
  readonly database: Database;
}
