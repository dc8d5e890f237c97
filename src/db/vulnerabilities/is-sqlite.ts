import { SqliteAdapter } from 'kysely';

/** Whether a query builder talks to SQLite (for the few statements that tell its planner which index to take). */
export const isSqlite = (db: { getExecutor(): { readonly adapter: unknown } }) =>
  db.getExecutor().adapter instanceof SqliteAdapter;
