import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connectDatabase } from '../db/connect';
import { migrateToLatest } from '../db/migrate';

/**
 * Migrated databases made once per run, which each test database copies instead of running every
 * migration again: a SQLite file, and a PostgreSQL template database (CREATE DATABASE … TEMPLATE).
 * The copies are the real migrations' result, byte for byte (SQLite) or object for object.
 */
export interface TestDatabaseTemplates {
  readonly sqliteFile: string;
  /** '' when the run has no PostgreSQL. */
  readonly postgresName: string;
  remove(): Promise<void>;
}

export async function createTestDatabaseTemplates(postgresAdminUrl: string): Promise<TestDatabaseTemplates> {
  const dir = mkdtempSync(join(tmpdir(), 'iotcheck-sqlite-template-'));
  const sqliteFile = join(dir, 'template.sqlite');
  const sqlite = connectDatabase({ kind: 'sqlite', file: sqliteFile });
  try {
    await migrateToLatest(sqlite);
  } finally {
    await sqlite.close();
  }
  // Closing the only connection checkpoints the WAL into the file; a copy of the file alone is whole.
  if (existsSync(`${sqliteFile}-wal`)) throw new Error(`SQLite template ${sqliteFile} kept a WAL file after closing`);

  let postgresName = '';
  if (postgresAdminUrl !== '') {
    const name = `iotcheck_template_${randomBytes(6).toString('hex')}`;
    await runAdmin(postgresAdminUrl, `CREATE DATABASE ${name}`);
    const url = new URL(postgresAdminUrl);
    url.pathname = `/${name}`;
    const database = connectDatabase({ kind: 'postgres', url: url.href });
    try {
      await migrateToLatest(database);
    } finally {
      await database.close();
    }
    // No session may connect to a template while it is copied: refuse connections from now on.
    await runAdmin(postgresAdminUrl, `ALTER DATABASE ${name} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    postgresName = name;
  }
  return {
    sqliteFile,
    postgresName,
    async remove() {
      rmSync(dir, { recursive: true, force: true });
      if (postgresName === '') return;
      await runAdmin(postgresAdminUrl, `ALTER DATABASE ${postgresName} WITH IS_TEMPLATE false`);
      await runAdmin(postgresAdminUrl, `DROP DATABASE IF EXISTS ${postgresName}`);
    },
  };
}

export async function runAdmin(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
