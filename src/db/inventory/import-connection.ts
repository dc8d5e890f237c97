import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database, DatabaseSchema } from '../database';
import { sqliteDialect } from '../sqlite-dialect';

/** A connection of its own for a bulk write: the raw driver handle and a query builder over it. */
export type BulkConnection =
  | { readonly dialect: 'sqlite'; readonly db: Kysely<DatabaseSchema>; readonly sqlite: SqliteDatabase.Database }
  | { readonly dialect: 'postgres'; readonly db: Kysely<DatabaseSchema>; readonly client: pg.PoolClient | pg.Client };

/**
 * Runs `work` on a connection opened for it alone, then closes it. A long import holds its
 * transaction on this connection, so the server's own connection keeps answering reads (SQLite
 * WAL readers, PostgreSQL MVCC) instead of queueing behind the import.
 */
export async function withBulkConnection<T>(
  database: Database,
  work: (bulk: BulkConnection) => Promise<T>,
): Promise<T> {
  if (database.config.kind === 'sqlite') {
    const sqlite = new SqliteDatabase(database.config.file);
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 15000');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('cache_size = -32000'); // 32 MB of page cache: index builds spill to temp files beyond it
    const db = new Kysely<DatabaseSchema>({ dialect: sqliteDialect(sqlite) });
    try {
      return await work({ dialect: 'sqlite', db, sqlite });
    } finally {
      await db.destroy();
    }
  }
  const client = new pg.Client({ connectionString: database.config.url });
  await client.connect();
  client.on('error', () => undefined);
  const pool = {
    connect: () => Promise.resolve(Object.assign(client, { release: () => undefined })),
    end: () => Promise.resolve(),
  };
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  try {
    return await work({ dialect: 'postgres', db, client });
  } finally {
    await db.destroy();
    await client.end().catch(() => undefined);
  }
}
