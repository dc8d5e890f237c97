import { sql, type Kysely, type Transaction } from 'kysely';
import type { DatabaseDialect, DatabaseSchema } from '../database';
import { fromNeutral, toNeutral, type NeutralValue } from './neutral-value';
import type { TableShape } from './table-catalog';

type Executor = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;
type NeutralRow = Record<string, NeutralValue>;

const FETCH_SIZE = 1000;

/**
 * Streams every row of `table` as neutral values, a page at a time (never the whole table in
 * memory). Call it inside the snapshot transaction: PostgreSQL reads through a cursor of that
 * transaction, SQLite iterates its statement.
 */
export async function* readTableRows(
  executor: Executor,
  dialect: DatabaseDialect,
  table: TableShape,
): AsyncGenerator<NeutralRow> {
  const neutral = (row: Record<string, unknown>): NeutralRow =>
    Object.fromEntries(table.columns.map((column) => [column.name, toNeutral(row[column.name], column.type)]));
  if (dialect === 'sqlite') {
    // The table name comes from the database's own catalogue, never from user input.
    const rows = executor
      .selectFrom(table.name as keyof DatabaseSchema)
      .selectAll()
      .stream();
    for await (const row of rows) yield neutral(row as Record<string, unknown>);
    return;
  }
  await sql`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT * FROM ${sql.table(table.name)}`.execute(executor);
  try {
    for (;;) {
      const page = await sql<
        Record<string, unknown>
      >`FETCH FORWARD ${sql.raw(String(FETCH_SIZE))} FROM backup_rows`.execute(executor);
      for (const row of page.rows) yield neutral(row);
      if (page.rows.length < FETCH_SIZE) break;
    }
  } finally {
    await sql`CLOSE backup_rows`.execute(executor);
  }
}

/** Statement parameters kept under both dialects' limits (SQLite 32766, PostgreSQL 65535). */
const MAX_PARAMETERS = 30_000;

/** How many rows of `table` one INSERT carries. */
export function rowsPerInsert(table: TableShape): number {
  return Math.max(1, Math.min(500, Math.floor(MAX_PARAMETERS / Math.max(1, table.columns.length))));
}

/**
 * Inserts neutral rows into `table` (the caller's transaction), converting each value for the
 * dialect. `firstRow` is the 1-based row number of rows[0] in the backup, for located errors.
 */
export async function insertTableRows(
  executor: Executor,
  dialect: DatabaseDialect,
  table: TableShape,
  rows: readonly Record<string, unknown>[],
  locate: (rowIndex: number, column: string, reason: string) => Error,
): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map((row, index) => {
    const converted: Record<string, unknown> = {};
    for (const column of table.columns) {
      if (!(column.name in row)) continue;
      try {
        converted[column.name] = fromNeutral(row[column.name], column.type, dialect);
      } catch (error) {
        throw locate(index, column.name, (error as Error).message);
      }
    }
    return converted;
  });
  // The table name comes from the database's own catalogue, never from the backup file.
  await executor
    .insertInto(table.name as keyof DatabaseSchema)
    .values(values as never)
    .execute();
}

/**
 * insertTableRows inside a savepoint, so a refused batch can be told apart row by row: when the
 * database refuses it (a unique key, a foreign key, NOT NULL, a CHECK), the batch is rolled back
 * and its rows are inserted one at a time until one is refused; then `refused(rowIndex, reason)`
 * is thrown, the reason being the database's own words. The caller's transaction must be
 * abandoned after that (its rows are only partly in).
 */
export async function insertTableRowsOrLocate(
  executor: Executor,
  dialect: DatabaseDialect,
  table: TableShape,
  rows: readonly Record<string, unknown>[],
  locate: (rowIndex: number, column: string, reason: string) => Error,
  refused: (rowIndex: number, reason: string) => Error,
): Promise<void> {
  if (rows.length === 0) return;
  await sql`SAVEPOINT restore_batch`.execute(executor);
  try {
    await insertTableRows(executor, dialect, table, rows, locate);
    await sql`RELEASE SAVEPOINT restore_batch`.execute(executor);
    return;
  } catch (error) {
    if (!isDatabaseRefusal(error)) throw error;
    await sql`ROLLBACK TO SAVEPOINT restore_batch`.execute(executor);
  }
  for (const [index, row] of rows.entries()) {
    try {
      await insertTableRows(executor, dialect, table, [row], (_, column, reason) => locate(index, column, reason));
    } catch (error) {
      if (!isDatabaseRefusal(error)) throw error;
      throw refused(index, refusalReason(error));
    }
  }
  // Every row went in alone: the batch can only have failed as a whole (e.g. a statement limit).
  throw refused(0, 'the database refused these rows together');
}

/**
 * The database refusing a row's values: a SQLite constraint, or PostgreSQL's integrity (23…) or
 * data (22…, e.g. a value the column type cannot hold) errors. Anything else (a lost connection)
 * is not about a row and propagates as it is.
 */
function isDatabaseRefusal(error: unknown): error is Error & { code: string; detail?: string } {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (code.startsWith('SQLITE_CONSTRAINT') || /^2[23][0-9A-Z]{3}$/.test(code));
}

/** The database's message, with PostgreSQL's detail ("Key (x)=(y) is not present…") when given. */
function refusalReason(error: Error & { detail?: string }): string {
  return error.detail ? `${error.message} (${error.detail})` : error.message;
}

/** Moves PostgreSQL identity/serial counters past the restored ids, so the next insert does not collide. */
export async function resetCounters(executor: Executor, dialect: DatabaseDialect, table: TableShape): Promise<void> {
  if (dialect !== 'postgres') return; // SQLite's rowid continues from the largest id by itself
  for (const column of table.counters) {
    await sql`SELECT setval(pg_get_serial_sequence(${table.name}, ${column}),
                     coalesce((SELECT max(${sql.ref(column)}) FROM ${sql.table(table.name)}), 1),
                     (SELECT count(*) > 0 FROM ${sql.table(table.name)}))`.execute(executor);
  }
}

/** Counts the rows of `table`. */
export async function countTableRows(executor: Executor, table: string): Promise<number> {
  const result = await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(executor);
  return Number(result.rows[0]?.n ?? 0);
}
