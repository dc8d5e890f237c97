// Per-organisation settings of the inventory: typed custom fields and the saved import column mapping.

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'boolean', 'choice'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** The editable fields of a custom field definition (the key is its identity and never changes). */
export interface CustomFieldFields {
  readonly labelJa: string;
  readonly labelEn: string;
  readonly type: CustomFieldType;
  readonly choices: readonly string[];
  readonly required: boolean;
}

/** A custom field devices of the organisation may carry, under `key` in their custom fields. */
export interface CustomFieldDefinition extends CustomFieldFields {
  readonly key: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A saved import column mapping: header as written in the file → canonical column key. */
export type ColumnMapping = Readonly<Record<string, string>>;
