import type { AppConfig } from '../config/config';
import type { OidcClient } from '../integrations/auth/oidc-client';
import type { AccountDeps } from '../services/auth/account-deps';
import type { CatalogDeps } from '../services/catalog/catalog-deps';
import type { EvidenceDeps } from '../services/evidence/evidence-deps';
import type { JobDeps } from '../services/jobs/job-deps';
import type { ServerMetrics } from './metrics/server-metrics';

/** What the HTTP edge is built from: configuration and open resources, nothing request-scoped. */
export interface ServerDeps extends CatalogDeps, AccountDeps, EvidenceDeps, JobDeps {
  readonly config: AppConfig;
  /** Present when OIDC_ISSUER is configured. */
  readonly oidc?: OidcClient;
  /** This process's metrics, shared with its job worker; built by buildApp when absent and METRICS_TOKEN is set. */
  readonly metrics?: ServerMetrics;
}
