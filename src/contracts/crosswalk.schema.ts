import Type from 'typebox';
import { ResultSchema } from './assessment.schema';
import { TextSchema } from './catalog.schema';

// Crosswalk export, guideline documents and inferred coverage. Shared by server, web and CLI.

const List = <T extends Type.TSchema>(items: T) => Type.Immutable(Type.Array(items));
const Relationship = Type.Enum(['equal', 'subset', 'superset', 'intersect', 'related']);
const ItemStatus = Type.Enum(['mandatory', 'recommended', 'conditional']);
const Origin = Type.String({ description: 'authored | lineage | judgement | reference:<path under shared/reference>' });

export const CrosswalkExportQuerySchema = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
});

export const CrosswalkExportSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  links: List(
    Type.Object({
      source: Type.String(),
      target: Type.String(),
      relationship: Relationship,
      rationale: TextSchema,
      origin: Origin,
    }),
  ),
  notCovered: List(Type.Object({ target: Type.String(), reason: TextSchema })),
});

const DocumentFields = {
  id: Type.String(),
  publisher: TextSchema,
  title: Type.Object({ original: Type.String(), ja: Type.String(), en: Type.String() }),
  date: Type.String(),
  url: Type.Optional(Type.String()),
  type: Type.String(),
  audiences: List(Type.String()),
  industries: List(Type.String()),
  phases: List(Type.String()),
  detail: Type.String(),
  inHandbook: Type.Boolean(),
  summary: TextSchema,
  goodFor: Type.Optional(TextSchema),
  structure: List(Type.Object({ title: TextSchema, pages: Type.Optional(Type.String()) })),
  frameworks: List(Type.String()),
};

export const GuidelineDocumentListSchema = Type.Object({
  documents: List(
    Type.Object({
      ...DocumentFields,
      frameworkSummaries: List(Type.Object({ id: Type.String(), title: TextSchema, items: Type.Integer() })),
    }),
  ),
});

const ChecksheetLinkSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  title: TextSchema,
  relationship: Relationship,
  rationale: TextSchema,
  origin: Origin,
});

export const GuidelineDocumentViewSchema = Type.Object({
  document: Type.Object(DocumentFields),
  frameworks: List(
    Type.Object({
      framework: Type.Object({
        id: Type.String(),
        kind: Type.String(),
        title: TextSchema,
        version: Type.String(),
        publisher: TextSchema,
        date: Type.String(),
        reproduction: Type.Optional(Type.String()),
      }),
      groups: List(
        Type.Object({
          id: Type.String(),
          code: Type.String(),
          title: TextSchema,
          items: List(
            Type.Object({
              id: Type.String(),
              code: Type.String(),
              title: TextSchema,
              text: Type.Optional(TextSchema),
              status: Type.Optional(ItemStatus),
              condition: Type.Optional(TextSchema),
              unconfirmed: Type.Optional(Type.Boolean()),
              note: Type.Optional(TextSchema),
              links: List(ChecksheetLinkSchema),
              notCoveredReason: Type.Optional(TextSchema),
            }),
          ),
        }),
      ),
    }),
  ),
});

export const CoverageQuerySchema = Type.Object({
  framework: Type.String({ minLength: 1, description: 'target framework id, e.g. jc-star-1' }),
});

const CoverageStatusSchema = Type.Enum([
  'implemented',
  'partial',
  'not_implemented',
  'not_applicable',
  'unknown',
  'not_covered',
]);

export const CoverageSchema = Type.Object({
  framework: Type.String(),
  source: Type.String({ description: 'the assessed framework the statuses are inferred from' }),
  items: List(
    Type.Object({
      id: Type.String({ description: 'target item code' }),
      status: CoverageStatusSchema,
      sources: List(Type.Object({ item: Type.String(), result: ResultSchema, relationship: Relationship })),
      notCoveredReason: Type.Optional(TextSchema),
    }),
  ),
});

export const CoverageGapListSchema = Type.Object({
  framework: Type.String(),
  gaps: List(
    Type.Object({
      id: Type.String(),
      title: TextSchema,
      status: CoverageStatusSchema,
      itemStatus: Type.Optional(ItemStatus),
      workOn: List(Type.String({ description: 'checksheet item codes to work on' })),
      notCoveredReason: Type.Optional(TextSchema),
    }),
  ),
});

export type CrosswalkExportResponse = Type.Static<typeof CrosswalkExportSchema>;
export type GuidelineDocumentList = Type.Static<typeof GuidelineDocumentListSchema>;
export type GuidelineDocumentViewResponse = Type.Static<typeof GuidelineDocumentViewSchema>;
export type CoverageResponse = Type.Static<typeof CoverageSchema>;
export type CoverageGapListResponse = Type.Static<typeof CoverageGapListSchema>;
