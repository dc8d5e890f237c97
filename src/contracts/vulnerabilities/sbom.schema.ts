import Type from 'typebox';
import { List, Nullable } from './parts.schema';

// POST /api/inventory/sboms (multipart `file` + fields manufacturer, model) and
// POST /api/inventory/devices/:id/sboms (multipart `file`); GET of both lists.

export const SbomModelFieldsSchema = Type.Object(
  {
    manufacturer: Type.String({ minLength: 1, maxLength: 200 }),
    model: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const SbomSchema = Type.Object({
  id: Type.String(),
  manufacturer: Type.String(),
  model: Type.String(),
  deviceId: Nullable(Type.String()),
  format: Type.Enum(['cyclonedx', 'spdx']),
  specVersion: Type.String(),
  fileName: Type.String(),
  sha256: Type.String(),
  componentCount: Type.Integer(),
  importedAt: Type.String(),
});

export const SbomListSchema = Type.Object({ items: List(SbomSchema) });

export type SbomView = Type.Static<typeof SbomSchema>;

/** The text fields of POST /api/inventory/sboms: a model (manufacturer, model) or one device (deviceId). */
export const SbomUploadFieldsSchema = Type.Object(
  {
    manufacturer: Type.Optional(Type.String({ maxLength: 200 })),
    model: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    deviceId: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  },
  { additionalProperties: false },
);

/** What an SBOM upload stored: the SBOM, how many components matching can use, and whether one was replaced. */
export const SbomImportResultSchema = Type.Object({
  ...SbomSchema.properties,
  identifiedComponents: Type.Integer(),
  replaced: Type.Boolean(),
});
