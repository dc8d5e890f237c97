import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { connectDatabase } from '../db/connect';
import type { Database, DatabaseDialect } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { runAdmin } from './test-database-templates';

/** A fresh database built from the real migrations, and how to throw it away. */
export interface TestDatabase extends Database {
  readonly url: string;
  destroy(): Promise<void>;
}

/**
 * Creates a fresh, migrated SQLite file database in a temp directory: a copy of the run's migrated
 * template (global setup), or migrated here when the run has none.
 */
export async function createSqliteTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'iotcheck-sqlite-'));
  const file = join(dir, 'test.sqlite');
  const template = inject('sqliteTemplate');
  if (template) copyFileSync(template, file);
  const database = connectDatabase({ kind: 'sqlite', file });
  await (template ? openNow(database) : migrateToLatest(database));
  return {
    ...database,
    url: `sqlite:${file}`,
    async destroy() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Creates a fresh, migrated database on the test PostgreSQL server: a copy of the run's migrated
 * template database when `adminUrl` is the run's server, else migrated here.
 */
export async function createPostgresTestDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `iotcheck_test_${randomBytes(6).toString('hex')}`;
  const template = adminUrl === inject('postgresUrl') ? inject('postgresTemplate') : '';
  await runAdmin(adminUrl, template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = connectDatabase({ kind: 'postgres', url: url.href });
  await (template ? openNow(database) : migrateToLatest(database));
  return {
    ...database,
    url: url.href,
    async destroy() {
      await database.close();
      await runAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * One query, so a copied database is in use from the start as a migrated one is: Kysely connects at
 * the first query, and closing a database that never connected would leave it usable (reconnecting).
 */
async function openNow(database: Database): Promise<void> {
  await sql`SELECT 1`.execute(database.db);
}

/** The admin URL of the run's PostgreSQL server, or '' when the run has none. */
export function testPostgresUrl(): string {
  return inject('postgresUrl');
}

/**
 * Declares the same suite once per dialect, each with its own fresh database from the real
 * migrations. The PostgreSQL half is skipped only when the run has no server (global setup says
 * why once, and fails the run under CI=true).
 */
export function describeEachDialect(
  name: string,
  suite: (database: () => TestDatabase, dialect: DatabaseDialect) => void,
): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const adminUrl = dialect === 'postgres' ? testPostgresUrl() : '';
    describe.skipIf(dialect === 'postgres' && adminUrl === '')(`${name} [${dialect}]`, () => {
      let database: TestDatabase | undefined;
      beforeAll(async () => {
        database = dialect === 'sqlite' ? await createSqliteTestDatabase() : await createPostgresTestDatabase(adminUrl);
      });
      afterAll(async () => {
        await database?.destroy();
      });
      suite(() => {
        if (!database) throw new Error('test database not ready');
        return database;
      }, dialect);
    });
  }
}
