import Type from 'typebox';
import {
  ConfidenceSchema,
  List,
  Nullable,
  PageQuery,
  SeverityFilterSchema,
  SeveritySchema,
  JustificationSchema,
  TriageStatusSchema,
  WhySchema,
} from './parts.schema';

// GET /api/vulnerabilities/matches and GET /api/inventory/devices/:id/vulnerabilities.

export const MatchListQuerySchema = Type.Object(
  {
    view: Type.Optional(Type.Enum(['device', 'model'], { description: 'one row per device (default) or per model' })),
    severity: Type.Optional(SeverityFilterSchema),
    kev: Type.Optional(Type.Boolean()),
    status: Type.Optional(TriageStatusSchema),
    manufacturer: Type.Optional(Type.String({ maxLength: 200, description: 'only devices of this manufacturer' })),
    model: Type.Optional(Type.String({ maxLength: 200, description: 'only devices of this model' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

/** One match: a device (view=device) or a model (view=model, no deviceId/assetTag) × an advisory. */
export const MatchRowSchema = Type.Object({
  deviceId: Type.Optional(Type.String()),
  assetTag: Type.Optional(Type.String()),
  devices: Type.Optional(Type.Integer({ description: 'view=model: how many devices of the model match' })),
  manufacturer: Type.String(),
  model: Type.String(),
  firmwareVersion: Type.String({ description: 'view=model: the firmware versions, comma separated' }),
  advisoryId: Type.String(),
  trackingId: Type.String(),
  title: Type.String(),
  cves: List(Type.String()),
  severity: SeveritySchema,
  kev: Type.Boolean(),
  status: TriageStatusSchema,
  justification: Nullable(JustificationSchema),
  owner: Type.String(),
  due: Nullable(Type.String()),
  triageVersion: Nullable(Type.Integer({ description: 'the version of the triage that applies, for expectedVersion' })),
  triageLevel: Nullable(Type.Enum(['model', 'device'], { description: 'where the applying triage was recorded' })),
  confidence: ConfidenceSchema,
  why: WhySchema,
});

export const MatchListSchema = Type.Object({
  items: List(MatchRowSchema),
  nextCursor: Nullable(Type.String()),
});

export const DeviceVulnerabilitiesSchema = Type.Object({ items: List(MatchRowSchema) });

export type MatchListQuery = Type.Static<typeof MatchListQuerySchema>;
export type MatchRowView = Type.Static<typeof MatchRowSchema>;
export type MatchListView = Type.Static<typeof MatchListSchema>;
