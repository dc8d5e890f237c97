import Type from 'typebox';
import { CUSTOM_FIELD_TYPES } from '../../core/inventory/inventory-settings.types';
import { List, Nullable, optionalProperties, Version } from './record-parts.schema';

// Per-organisation inventory settings: /api/inventory/custom-fields and /api/inventory/column-mapping.

const customFieldProperties = {
  labelJa: Type.String({ minLength: 1, maxLength: 100 }),
  labelEn: Type.String({ minLength: 1, maxLength: 100 }),
  type: Type.Enum([...CUSTOM_FIELD_TYPES]),
  choices: List(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 200 }),
  required: Type.Boolean(),
};

export const CustomFieldInputSchema = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: 'snake_case, the import column custom.<key>' }),
    ...optionalProperties(customFieldProperties),
    labelJa: customFieldProperties.labelJa,
    labelEn: customFieldProperties.labelEn,
  },
  { additionalProperties: false },
);
export const CustomFieldUpdateSchema = Type.Object(
  { ...optionalProperties(customFieldProperties), version: Version },
  { additionalProperties: false },
);
export const CustomFieldSchema = Type.Object({
  key: Type.String(),
  ...customFieldProperties,
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export const CustomFieldListSchema = Type.Object({ fields: List(CustomFieldSchema) });
export const CustomFieldParamsSchema = Type.Object({ key: Type.String({ maxLength: 40 }) });

export const ColumnMappingSchema = Type.Object({
  mapping: Type.Record(Type.String(), Type.String(), {
    description: '{ "<header as in the file>": "<canonical column key>" }',
  }),
  version: Type.Integer({ description: '0 while none is saved' }),
  updatedAt: Nullable(Type.String()),
});
export const ColumnMappingInputSchema = Type.Object(
  {
    mapping: Type.Record(Type.String({ maxLength: 200 }), Type.String({ maxLength: 100 })),
    version: Version,
  },
  { additionalProperties: false },
);

export type CustomFieldInputBody = Type.Static<typeof CustomFieldInputSchema>;
export type CustomFieldView = Type.Static<typeof CustomFieldSchema>;
export type ColumnMappingView = Type.Static<typeof ColumnMappingSchema>;
