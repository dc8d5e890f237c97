import type { Kysely } from 'kysely';
import type { CustomFieldDefinition, CustomFieldType } from '../../core/inventory/inventory-settings.types';
import type { DatabaseSchema } from '../database';

type Db = Kysely<DatabaseSchema>;
type Row = DatabaseSchema['custom_field_definition'];

const toDefinition = (row: Row): CustomFieldDefinition => ({
  key: row.key,
  labelJa: row.label_ja,
  labelEn: row.label_en,
  type: row.field_type as CustomFieldType,
  choices: JSON.parse(row.choices) as string[],
  required: Number(row.required) === 1,
  version: Number(row.version),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toColumns = (definition: CustomFieldDefinition) => ({
  label_ja: definition.labelJa,
  label_en: definition.labelEn,
  field_type: definition.type,
  choices: JSON.stringify(definition.choices),
  required: definition.required ? 1 : 0,
  version: definition.version,
  updated_at: definition.updatedAt,
});

/** Adds a custom field definition (the key is unique per organisation: the primary key refuses twins). */
export async function insertCustomField(
  db: Db,
  organisationId: string,
  definition: CustomFieldDefinition,
): Promise<void> {
  await db
    .insertInto('custom_field_definition')
    .values({
      organisation_id: organisationId,
      key: definition.key,
      created_at: definition.createdAt,
      ...toColumns(definition),
    })
    .execute();
}

/** One definition by key, or undefined. */
export async function findCustomField(
  db: Db,
  organisationId: string,
  key: string,
): Promise<CustomFieldDefinition | undefined> {
  const row = await db
    .selectFrom('custom_field_definition')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? toDefinition(row) : undefined;
}

/** The organisation's custom field definitions by key. */
export async function listCustomFields(db: Db, organisationId: string): Promise<CustomFieldDefinition[]> {
  const rows = await db
    .selectFrom('custom_field_definition')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('key')
    .execute();
  return rows.map(toDefinition);
}

/** Writes `definition` (already at its next version) only if the stored one is at `expectedVersion`. */
export async function updateCustomField(
  db: Db,
  organisationId: string,
  definition: CustomFieldDefinition,
  expectedVersion: number,
): Promise<boolean> {
  const result = await db
    .updateTable('custom_field_definition')
    .set(toColumns(definition))
    .where('organisation_id', '=', organisationId)
    .where('key', '=', definition.key)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes a definition at `expectedVersion` (values already on devices stay in their JSON). */
export async function deleteCustomField(
  db: Db,
  organisationId: string,
  key: string,
  expectedVersion: number,
): Promise<boolean> {
  const result = await db
    .deleteFrom('custom_field_definition')
    .where('organisation_id', '=', organisationId)
    .where('key', '=', key)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
