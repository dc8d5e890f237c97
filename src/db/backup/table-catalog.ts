import { sql } from 'kysely';
import type { Database } from '../database';

/** How a column's values travel in a backup, whatever the dialect stores them as. */
export type NeutralType = 'text' | 'integer' | 'real' | 'boolean' | 'bytes' | 'json';

export interface TableColumn {
  readonly name: string;
  readonly type: NeutralType;
}

/** One table as the database describes it: columns in order, the tables it refers to, counters. */
export interface TableShape {
  readonly name: string;
  readonly columns: readonly TableColumn[];
  /** Tables its foreign keys point at (itself excluded). */
  readonly references: readonly string[];
  /** PostgreSQL identity/serial columns whose counter must follow restored ids. */
  readonly counters: readonly string[];
}

/** Kysely's own bookkeeping: the migration list travels in the manifest, not as rows. */
const BOOKKEEPING = new Set(['schema_migration', 'schema_migration_lock']);

/**
 * Every table of the current schema, read from the database itself (not a hand-kept list), so a
 * table a later migration adds is backed up and compared without anyone touching this code.
 * Sorted so that a table comes after every table it refers to (name order among equals).
 */
export async function readTableShapes(database: Database): Promise<readonly TableShape[]> {
  const shapes = database.dialect === 'sqlite' ? await readSqliteShapes(database) : await readPostgresShapes(database);
  return orderByReferences(shapes);
}

async function readSqliteShapes(database: Database): Promise<TableShape[]> {
  const { db } = database;
  const tables = await sql<{
    name: string;
  }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`.execute(db);
  const shapes: TableShape[] = [];
  for (const { name } of tables.rows) {
    if (BOOKKEEPING.has(name)) continue;
    const columns = await sql<{
      name: string;
      type: string;
    }>`SELECT name, type FROM pragma_table_info(${name})`.execute(db);
    const keys = await sql<{ table: string }>`SELECT "table" FROM pragma_foreign_key_list(${name})`.execute(db);
    shapes.push({
      name,
      columns: columns.rows.map((column) => ({ name: column.name, type: neutralType(column.type) })),
      references: [...new Set(keys.rows.map((key) => key.table))].filter((table) => table !== name),
      counters: [],
    });
  }
  return shapes;
}

async function readPostgresShapes(database: Database): Promise<TableShape[]> {
  const { db } = database;
  const tables = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db);
  const columns = await sql<{ table_name: string; column_name: string; data_type: string; counter: boolean }>`
    SELECT table_name, column_name, data_type,
           (is_identity = 'YES' OR coalesce(column_default, '') LIKE 'nextval(%') AS counter
    FROM information_schema.columns WHERE table_schema = current_schema()
    ORDER BY table_name, ordinal_position`.execute(db);
  const keys = await sql<{ from_table: string; to_table: string }>`
    SELECT DISTINCT c.conrelid::regclass::text AS from_table, c.confrelid::regclass::text AS to_table
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE c.contype = 'f' AND n.nspname = current_schema()`.execute(db);
  return tables.rows
    .filter(({ name }) => !BOOKKEEPING.has(name))
    .map(({ name }) => {
      const own = columns.rows.filter((column) => column.table_name === name);
      return {
        name,
        columns: own.map((column) => ({ name: column.column_name, type: neutralType(column.data_type) })),
        references: [
          ...new Set(keys.rows.filter((key) => key.from_table === name).map((key) => unquote(key.to_table))),
        ].filter((table) => table !== name),
        counters: own.filter((column) => column.counter).map((column) => column.column_name),
      };
    });
}

/** Maps a declared (SQLite) or catalogued (PostgreSQL) type to how its values are written. */
export function neutralType(declared: string): NeutralType {
  const type = declared.toLowerCase();
  if (type.includes('bool')) return 'boolean';
  if (type.includes('int')) return 'integer';
  if (type.includes('real') || type.includes('double') || type.includes('float') || type.includes('numeric'))
    return 'real';
  if (type.includes('blob') || type.includes('bytea')) return 'bytes';
  if (type.includes('json')) return 'json';
  return 'text';
}

function unquote(name: string): string {
  return name.startsWith('"') && name.endsWith('"') ? name.slice(1, -1).replaceAll('""', '"') : name;
}

/**
 * Orders tables so each follows the tables it refers to (rows can then be inserted in that order
 * with every foreign key checked at once). A cycle between tables cannot be ordered: it throws,
 * naming them, rather than producing an order that fails half-way through a restore.
 */
export function orderByReferences<T extends { readonly name: string; readonly references: readonly string[] }>(
  tables: readonly T[],
): T[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const done = new Set<string>();
  const ordered: T[] = [];
  let remaining = [...tables].sort((a, b) => a.name.localeCompare(b.name));
  while (remaining.length > 0) {
    const ready = remaining.filter((table) => table.references.every((name) => done.has(name) || !byName.has(name)));
    if (ready.length === 0)
      throw new Error(`tables refer to each other in a cycle: ${remaining.map((table) => table.name).join(', ')}`);
    for (const table of ready) {
      ordered.push(table);
      done.add(table.name);
    }
    remaining = remaining.filter((table) => !done.has(table.name));
  }
  return ordered;
}
