import type { Kysely } from 'kysely';
import type { CustomFieldSpec } from '../../core/inventory/import/resolve-columns';
import type { DatabaseSchema } from '../database';

/** What an import reads about its organisation: the saved column mapping and the custom fields. */
export interface ImportSettings {
  readonly mapping: Readonly<Record<string, string>>;
  readonly customFields: readonly CustomFieldSpec[];
}

export async function readImportSettings(db: Kysely<DatabaseSchema>, organisationId: string): Promise<ImportSettings> {
  const saved = await db
    .selectFrom('inventory_column_mapping')
    .select('mapping')
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  const fields = await db
    .selectFrom('custom_field_definition')
    .select(['key', 'label_ja', 'label_en', 'field_type', 'choices'])
    .where('organisation_id', '=', organisationId)
    .execute();
  return {
    mapping: saved ? (JSON.parse(saved.mapping) as Record<string, string>) : {},
    customFields: fields.map((field) => ({
      key: field.key,
      labels: [field.label_ja, field.label_en],
      type: field.field_type as CustomFieldSpec['type'],
      choices: JSON.parse(field.choices) as string[],
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
