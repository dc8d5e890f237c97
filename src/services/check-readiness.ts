import { DomainError } from '../core/domain-error';
import type { Database, DatabaseDialect } from '../db/database';
import { readMigrationStatus } from '../db/migrate';

export interface Readiness {
  readonly status: 'ready';
  readonly database: DatabaseDialect;
  readonly migrations: { readonly applied: number; readonly pending: 0 };
}

/**
 * Readiness: the database answers within `timeoutMs` and every migration is applied. Otherwise
 * DATABASE_UNAVAILABLE (503) whose details name the check that failed: `database` (unreachable or
 * too slow) or `migrations` (which ones are pending).
 */
export async function checkReadiness(deps: { database: Database }, input: { timeoutMs: number }): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), input.timeoutMs);
  });
  const status = await Promise.race([readMigrationStatus(deps.database), timeout])
    .catch((error: unknown) => {
      // The endpoint is public: name the failure by its code (ECONNREFUSED, 57P03), never by a
      // message that could carry a host name or user.
      const code = (error as { code?: unknown }).code;
      throw new DomainError('DATABASE_UNAVAILABLE', 'The database is not reachable.', [
        { field: 'database', reason: `unreachable (${typeof code === 'string' ? code : 'error'})` },
      ]);
    })
    .finally(() => clearTimeout(timer));
  if (status === 'timeout') {
    throw new DomainError('DATABASE_UNAVAILABLE', 'The database did not answer in time.', [
      { field: 'database', reason: `no answer within ${input.timeoutMs} ms` },
    ]);
  }
  if (status.pending.length > 0) {
    throw new DomainError('DATABASE_UNAVAILABLE', 'The database schema is not up to date.', [
      { field: 'migrations', reason: `${status.pending.length} pending: ${status.pending.join(', ')}` },
    ]);
  }
  return {
    status: 'ready',
    database: deps.database.dialect,
    migrations: { applied: status.applied.length, pending: 0 },
  };
}
