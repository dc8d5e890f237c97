import type SqliteDatabase from 'better-sqlite3';
import { SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';

/**
 * Kysely's SQLite dialect over one better-sqlite3 handle, with one change: a transaction is rolled
 * back only if SQLite still has it open. On SQLITE_FULL (a full disk), SQLITE_IOERR and a few other
 * errors SQLite rolls the transaction back itself; Kysely's ROLLBACK then failed with "cannot
 * rollback - no transaction is active", and that error replaced the real one (a 500 instead of
 * 507 STORAGE_FULL).
 */
export function sqliteDialect(sqlite: SqliteDatabase.Database): SqliteDialect {
  return new KeepErrorSqliteDialect(sqlite);
}

class KeepErrorSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: SqliteDatabase.Database) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    return new KeepErrorSqliteDriver(this.sqlite);
  }
}

class KeepErrorSqliteDriver extends SqliteDriver {
  constructor(private readonly sqlite: SqliteDatabase.Database) {
    super({ database: sqlite });
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.sqlite.inTransaction) await super.rollbackTransaction(connection);
  }
}
