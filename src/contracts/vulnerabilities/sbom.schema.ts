import Type from 'typebox';
import { List, Nullable } from './parts.schema';

// POST /api/inventory/sboms (multipart `file` + fields manufacturer, model | deviceId);
// GET /api/inventory/sboms (all, one model's or what applies to one device) and
// GET /api/inventory/sboms/:id/components (one SBOM's components, page by page).

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

/** GET /api/inventory/sboms: every SBOM of the organisation, those of one model, or those that apply to one device. */
export const SbomListQuerySchema = Type.Object(
  {
    manufacturer: Type.Optional(Type.String({ maxLength: 200 })),
    model: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    deviceId: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  },
  { additionalProperties: false },
);

/** One component of an SBOM, in file order (`position`). */
export const SbomComponentSchema = Type.Object({
  position: Type.Integer(),
  name: Type.String(),
  version: Type.String(),
  purl: Nullable(Type.String()),
  cpe: Nullable(Type.String()),
});

export type SbomComponentView = Type.Static<typeof SbomComponentSchema>;

/** GET /api/inventory/sboms/:id/components: `after` is the last position already shown. */
export const SbomComponentQuerySchema = Type.Object(
  {
    after: Type.Optional(Type.Integer({ minimum: -1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);

/** A page of components: `nextAfter` continues the list, null at its end. */
export const SbomComponentPageSchema = Type.Object({
  sbom: SbomSchema,
  items: List(SbomComponentSchema),
  nextAfter: Nullable(Type.Integer()),
});

export type SbomComponentPageView = Type.Static<typeof SbomComponentPageSchema>;
