import type { TestProject } from 'vitest/node';
import { findPostgresBinaries, startPostgresCluster, type PostgresCluster } from './postgres-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the PostgreSQL server the tests may use; '' when there is none. */
    postgresUrl: string;
  }
}

let cluster: PostgresCluster | undefined;

/**
 * Decides once per run where PostgreSQL tests go: TEST_DATABASE_URL, else a throwaway cluster
 * from Debian's binaries, else none (one clear line; a failure under CI=true).
 */
export async function setup(project: TestProject): Promise<void> {
  const named = process.env['TEST_DATABASE_URL'];
  if (named) {
    project.provide('postgresUrl', named);
    return;
  }
  const binaries = findPostgresBinaries();
  if (binaries) {
    cluster = await startPostgresCluster(binaries);
    project.provide('postgresUrl', cluster.url);
    return;
  }
  if (process.env['CI'] === 'true') {
    throw new Error('CI=true but no PostgreSQL: set TEST_DATABASE_URL or install postgresql (initdb, pg_ctl).');
  }
  console.warn('PostgreSQL tests skipped: no TEST_DATABASE_URL and no initdb/pg_ctl on this machine.');
  project.provide('postgresUrl', '');
}

export function teardown(): void {
  cluster?.stop();
  cluster = undefined;
}
