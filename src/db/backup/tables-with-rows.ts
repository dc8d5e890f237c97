import type { Database } from '../database';
import { countTableRows } from './table-rows';
import type { TableShape } from './table-catalog';

/**
 * Tables an installation fills by itself, not its users: the catalog versions recorded at every
 * start and the advisory revision counter its migration seeds. A restore replaces their rows with
 * the backup's. (A new migration that seeds rows belongs here; the backup test fails until then.)
 */
export const INSTALLATION_TABLES: ReadonlySet<string> = new Set(['catalog_version', 'advisory_revision_counter']);

/** Names of the tables holding user data (any row outside INSTALLATION_TABLES). */
export async function findTablesWithRows(database: Database, shapes: readonly TableShape[]): Promise<string[]> {
  const filled: string[] = [];
  for (const table of shapes)
    if (!INSTALLATION_TABLES.has(table.name) && (await countTableRows(database.db, table.name)) > 0)
      filled.push(table.name);
  return filled;
}
