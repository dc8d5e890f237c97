import type { Database } from '../database';
import { countTableRows } from './table-rows';
import type { TableShape } from './table-catalog';

/**
 * Tables an installation fills by itself, not its users: the catalog versions recorded at every
 * start. A restore replaces them with the backup's.
 */
export const INSTALLATION_TABLES: ReadonlySet<string> = new Set(['catalog_version']);

/** Names of the tables holding user data (any row outside INSTALLATION_TABLES). */
export async function findTablesWithRows(database: Database, shapes: readonly TableShape[]): Promise<string[]> {
  const filled: string[] = [];
  for (const table of shapes)
    if (!INSTALLATION_TABLES.has(table.name) && (await countTableRows(database.db, table.name)) > 0)
      filled.push(table.name);
  return filled;
}
