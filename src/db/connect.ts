import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config/config';
import type { Database, DatabaseSchema } from './database';
import { sqliteDialect } from './sqlite-dialect';

/**
 * Opens the configured database. SQLite gets WAL, foreign keys and a busy timeout. On PostgreSQL
 * `maxConnections` sizes the pool (10 by default; the file store opens small pools of its own).
 */
export function connectDatabase(config: DatabaseConfig, options: { maxConnections?: number } = {}): Database {
  return config.kind === 'sqlite'
    ? connectSqlite(config.file)
    : connectPostgres(config.url, options.maxConnections ?? 10);
}

function connectSqlite(file: string): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // A million-device inventory is a few hundred MB: read it through mmap (up to 1 GB, pages the
  // kernel shares and can reclaim) instead of a read() per page. The page cache itself stays
  // small (8 MB; SQLite's default is 2 MB): with mmap it holds mostly pages still in the WAL, and
  // a larger one only filled up under steady writes (64 MB grew a serving process's RSS by a
  // quarter in 5 minutes) with no faster reads at a million devices. Bulk writes (imports,
  // matching) run on a connection of their own with a larger cache (import-connection.ts).
  sqlite.pragma('cache_size = -8192');
  sqlite.pragma('mmap_size = 1073741824');
  const db = new Kysely<DatabaseSchema>({ dialect: sqliteDialect(sqlite) });
  return { db, dialect: 'sqlite', config: { kind: 'sqlite', file }, close: () => db.destroy() };
}

function connectPostgres(url: string, maxConnections: number): Database {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  // An idle connection dropped by the server (restart, DROP DATABASE … FORCE) is emitted as an
  // 'error' on the pool; without a listener Node would crash. pg already discards that client,
  // and the next query opens a fresh one, so there is nothing else to do here.
  pool.on('error', () => undefined);
  // The same for a connection that is checked out when the server goes away: pg emits 'error' on
  // the client itself, which would crash the process. The query in flight fails (and is answered
  // as an error); on release pg-pool sees the client is no longer queryable and drops it.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', config: { kind: 'postgres', url }, close: () => db.destroy() };
}
