import Type from 'typebox';
import {
  ConfidenceSchema,
  List,
  Nullable,
  PageQuery,
  SeverityFilterSchema,
  SeveritySchema,
  TriageSchema,
  TriageStatusSchema,
  WhySchema,
} from './parts.schema';

// GET /api/vulnerabilities/advisories and /advisories/:id.

export const AdvisoryListQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: 'tracking id, CVE id or words of the title' })),
    severity: Type.Optional(SeverityFilterSchema),
    kev: Type.Optional(Type.Boolean()),
    status: Type.Optional(TriageStatusSchema),
    all: Type.Optional(Type.Boolean({ description: 'every advisory visible to the organisation, matched or not' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const AdvisoryListItemSchema = Type.Object({
  id: Type.String(),
  source: Type.Enum(['nvd', 'jvn', 'csaf', 'osv']),
  trackingId: Type.String(),
  title: Type.String(),
  language: Type.Enum(['ja', 'en']),
  cves: List(Type.String()),
  severity: SeveritySchema,
  kev: Type.Boolean(),
  published: Nullable(Type.String()),
  affectedDevices: Type.Integer(),
  affectedModels: Type.Integer(),
  openDevices: Type.Integer({ description: 'affected devices whose triage is still open' }),
});

export const AdvisoryListSchema = Type.Object({
  items: List(AdvisoryListItemSchema),
  nextCursor: Nullable(Type.String()),
});

const ScoreSchema = Type.Object({
  version: Type.String(),
  baseScore: Type.Number(),
  vector: Type.String(),
  level: Type.String(),
});

export const AdvisoryDetailSchema = Type.Object({
  id: Type.String(),
  source: Type.Enum(['nvd', 'jvn', 'csaf', 'osv']),
  trackingId: Type.String(),
  title: Type.String(),
  language: Type.Enum(['ja', 'en']),
  summary: Type.String(),
  cves: List(Type.String()),
  severity: SeveritySchema,
  scores: List(ScoreSchema),
  kev: Nullable(
    Type.Object({
      dateAdded: Type.String(),
      dueDate: Nullable(Type.String()),
      requiredAction: Nullable(Type.String()),
    }),
  ),
  published: Nullable(Type.String()),
  lastModified: Type.String(),
  references: List(Type.String()),
  remediations: List(Type.Object({ category: Type.String(), text: Type.String(), url: Nullable(Type.String()) })),
  scope: Type.Enum(['installation', 'organisation'], { description: 'a feed of the installation or an upload' }),
  withdrawn: Type.Boolean(),
  models: List(
    Type.Object({
      manufacturer: Type.String(),
      model: Type.String(),
      firmwareVersions: List(Type.String()),
      devices: Type.Integer(),
      confidence: ConfidenceSchema,
      why: WhySchema,
      triage: Nullable(TriageSchema),
    }),
  ),
  devices: List(
    Type.Object({
      deviceId: Type.String(),
      assetTag: Type.String(),
      name: Type.String(),
      firmwareVersion: Type.String(),
      confidence: ConfidenceSchema,
      why: WhySchema,
      status: TriageStatusSchema,
      triage: Nullable(TriageSchema),
    }),
    { maxItems: 1000 },
  ),
  devicesTruncated: Type.Boolean({ description: 'more than 1000 devices: the list shows the first 1000' }),
});

export const AdvisoryParamsSchema = Type.Object({ id: Type.String({ maxLength: 100 }) });

export type AdvisoryListQuery = Type.Static<typeof AdvisoryListQuerySchema>;
export type AdvisoryListItemView = Type.Static<typeof AdvisoryListItemSchema>;
export type AdvisoryListView = Type.Static<typeof AdvisoryListSchema>;
export type AdvisoryDetailView = Type.Static<typeof AdvisoryDetailSchema>;
