import type { AppConfig } from '../config/config';
import type { AccountDeps } from '../services/auth/account-deps';
import type { CatalogDeps } from '../services/catalog/catalog-deps';

/** What the HTTP edge is built from: configuration and open resources, nothing request-scoped. */
export interface ServerDeps extends CatalogDeps, AccountDeps {
  readonly config: AppConfig;
}
