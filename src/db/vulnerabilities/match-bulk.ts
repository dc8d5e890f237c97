import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql, type Transaction } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import { copyLine } from '../copy-text';
import type { DatabaseSchema } from '../database';
import type { BulkConnection } from '../inventory/import-connection';

// Writes of many rows for a match run: on SQLite one prepared statement run row by row in the
// open transaction (synchronous, the fast path there). On PostgreSQL inserts stream by COPY, and
// other statements take 10,000 rows at a time passed as one JSON parameter (one round trip
// instead of thousands). JSON rather than one array per column: the driver escapes array literals
// element by element in JavaScript, which cost more than the insert itself (7 s for 222k matches).

type Cell = string | number | null;
const CHUNK = 10_000;
const COPY_LINES = 2_000;

/** A column of a bulk write: its name and its PostgreSQL array element type. */
export interface BulkColumn {
  readonly name: string;
  readonly pgType: 'text' | 'bigint' | 'integer' | 'real' | 'boolean';
}

/** Inserts `rows` (cells in `columns` order) into `table`. */
export async function bulkInsert(
  bulk: BulkConnection,
  transaction: Transaction<DatabaseSchema>,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly Cell[][],
): Promise<void> {
  if (rows.length === 0) return;
  if (bulk.dialect === 'sqlite') {
    const insert = bulk.sqlite.prepare(
      `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    for (const row of rows) insert.run(row);
    return;
  }
  // COPY runs on the connection the transaction holds (withBulkConnection opens one for both).
  const copy = bulk.client.query(copyFrom(`COPY ${table} (${columns.map((c) => c.name).join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(copyText(rows)), copy);
}

/** The rows as COPY text, a few thousand lines per piece. */
function* copyText(rows: readonly Cell[][]): Generator<string> {
  for (let start = 0; start < rows.length; start += COPY_LINES) {
    let text = '';
    for (const row of rows.slice(start, start + COPY_LINES)) text += copyLine(row);
    yield text;
  }
}

/** `SELECT` of `rows` passed as one JSON array of arrays, each cell cast to its column's type and named after it. */
function selectRows(columns: readonly BulkColumn[], rows: readonly Cell[][]) {
  const cells = columns.map(
    (column, index) => sql`(r ->> ${sql.lit(index)})::${sql.raw(column.pgType)} AS ${sql.ref(column.name)}`,
  );
  return sql`SELECT ${sql.join(cells)} FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) AS r`;
}

/**
 * Runs one statement per row: `sqliteStatement` with `?` placeholders on SQLite; on PostgreSQL
 * `pgStatement(source)` where `source` is the rows as a relation named `v` with the columns'
 * names (e.g. `UPDATE t SET x = v.x FROM ${source} WHERE t.id = v.id`).
 */
export async function bulkApply(
  bulk: BulkConnection,
  transaction: Transaction<DatabaseSchema>,
  columns: readonly BulkColumn[],
  rows: readonly Cell[][],
  sqliteStatement: string,
  pgStatement: (source: ReturnType<typeof sql>) => ReturnType<typeof sql>,
): Promise<void> {
  if (rows.length === 0) return;
  if (bulk.dialect === 'sqlite') {
    const statement = bulk.sqlite.prepare(sqliteStatement);
    for (const row of rows) statement.run(row);
    return;
  }
  for (let start = 0; start < rows.length; start += CHUNK) {
    const source = sql`(${selectRows(columns, rows.slice(start, start + CHUNK))}) AS v`;
    await pgStatement(source).execute(transaction);
  }
}
