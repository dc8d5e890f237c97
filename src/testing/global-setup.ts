import type { TestProject } from 'vitest/node';
import { findPostgresBinaries, startPostgresCluster, type PostgresCluster } from './postgres-cluster';
import { createTestDatabaseTemplates, type TestDatabaseTemplates } from './test-database-templates';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the PostgreSQL server the tests may use; '' when there is none. */
    postgresUrl: string;
    /** A migrated SQLite file that test databases start as a copy of. */
    sqliteTemplate: string;
    /** A migrated PostgreSQL database that test databases are created from; '' without PostgreSQL. */
    postgresTemplate: string;
  }
}

let cluster: PostgresCluster | undefined;
let templates: TestDatabaseTemplates | undefined;

/**
 * Decides once per run where PostgreSQL tests go: TEST_DATABASE_URL, else a throwaway cluster
 * from Debian's binaries, else none (one clear line; a failure under CI=true).
 */
export async function setup(project: TestProject): Promise<void> {
  const postgresUrl = await choosePostgres();
  project.provide('postgresUrl', postgresUrl);
  // Every test database copies these instead of running the migrations again (issue 16).
  try {
    templates = await createTestDatabaseTemplates(postgresUrl);
  } catch (error) {
    cluster?.stop();
    cluster = undefined;
    throw error;
  }
  project.provide('sqliteTemplate', templates.sqliteFile);
  project.provide('postgresTemplate', templates.postgresName);
}

async function choosePostgres(): Promise<string> {
  const named = process.env['TEST_DATABASE_URL'];
  if (named) return named;
  const binaries = findPostgresBinaries();
  if (binaries) {
    cluster = await startPostgresCluster(binaries);
    return cluster.url;
  }
  if (process.env['CI'] === 'true') {
    throw new Error('CI=true but no PostgreSQL: set TEST_DATABASE_URL or install postgresql (initdb, pg_ctl).');
  }
  console.warn('PostgreSQL tests skipped: no TEST_DATABASE_URL and no initdb/pg_ctl on this machine.');
  return '';
}

export async function teardown(): Promise<void> {
  await templates?.remove();
  templates = undefined;
  cluster?.stop();
  cluster = undefined;
}
