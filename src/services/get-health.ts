import { IOTCHECK_VERSION } from '../core/version';
import type { Database, DatabaseDialect } from '../db/database';
import { readMigrationStatus } from '../db/migrate';

export interface Health {
  readonly status: 'ok' | 'degraded';
  readonly version: string;
  readonly database: DatabaseDialect;
  readonly migrations: { readonly applied: number; readonly pending: number };
}

/** Reports whether the database answers and how many migrations are applied and pending. */
export async function getHealth(deps: { database: Database }): Promise<Health> {
  const status = await readMigrationStatus(deps.database);
  return {
    status: status.pending.length === 0 ? 'ok' : 'degraded',
    version: IOTCHECK_VERSION,
    database: deps.database.dialect,
    migrations: { applied: status.applied.length, pending: status.pending.length },
  };
}
