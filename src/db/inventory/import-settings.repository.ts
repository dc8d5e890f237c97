import type { Kysely } from 'kysely';
import type { CustomFieldSpec } from '../../core/inventory/import/resolve-columns';
import type { DatabaseSchema } from '../database';
import { findColumnMapping } from './column-mapping.repository';
import { listCustomFields } from './custom-field.repository';

/** What an import reads about its organisation: the saved column mapping and the custom fields. */
export interface ImportSettings {
  readonly mapping: Readonly<Record<string, string>>;
  readonly customFields: readonly CustomFieldSpec[];
}

export async function readImportSettings(db: Kysely<DatabaseSchema>, organisationId: string): Promise<ImportSettings> {
  const { mapping } = await findColumnMapping(db, organisationId);
  const fields = await listCustomFields(db, organisationId);
  return {
    mapping,
    customFields: fields.map((field) => ({
      key: field.key,
      labels: [field.labelJa, field.labelEn],
      type: field.type,
      choices: field.choices,
    })),
  };
}

/** Records a finished import (its counts) in the import's transaction. */
export async function insertImportRecord(
  db: Kysely<DatabaseSchema>,
  record: DatabaseSchema['inventory_import'],
): Promise<void> {
  await db.insertInto('inventory_import').values(record).execute();
}
