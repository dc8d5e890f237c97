import Type from 'typebox';
import {
  DeviceIds,
  Day,
  ExpectedVersion,
  IncidentLinkKindSchema,
  IncidentSeveritySchema,
  IncidentStatusSchema,
  Moment,
  Nullable,
  StepOutcomeSchema,
  TimelineKindSchema,
} from './incident-parts.schema';

// Incidents: /api/incidents and /api/incidents/:id/… (issue 15).

const Title = Type.String({ minLength: 1, maxLength: 200 });
const Description = Type.String({ maxLength: 10000 });

/** POST /api/incidents */
export const IncidentCreateSchema = Type.Object(
  {
    title: Title,
    description: Type.Optional(Description),
    severity: IncidentSeveritySchema,
    detectedAt: Moment,
    occurredAt: Type.Optional(Moment),
    systemIds: Type.Array(Type.String({ maxLength: 100 }), { minItems: 1, maxItems: 50, uniqueItems: true }),
    deviceIds: Type.Optional(DeviceIds),
  },
  { additionalProperties: false },
);

/** PATCH /api/incidents/:id */
export const IncidentUpdateSchema = Type.Object(
  {
    title: Type.Optional(Title),
    description: Type.Optional(Description),
    severity: Type.Optional(IncidentSeveritySchema),
    expectedVersion: ExpectedVersion,
  },
  { additionalProperties: false },
);

/** POST /api/incidents/:id/status — forward only; closing goes through /close (with lessons). */
export const IncidentStatusChangeSchema = Type.Object(
  {
    status: Type.Enum(['triaged', 'contained', 'eradicated', 'recovered']),
    note: Type.Optional(Type.String({ maxLength: 5000 })),
    expectedVersion: ExpectedVersion,
  },
  { additionalProperties: false },
);

/** POST /api/incidents/:id/timeline — a correction names the entry it corrects (which stays as it was). */
export const TimelineEntryCreateSchema = Type.Object(
  {
    kind: Type.Enum(['note', 'decision', 'correction']),
    body: Type.String({ minLength: 1, maxLength: 10000 }),
    correctsSeq: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

/** POST /api/incidents/:id/devices — adds devices of the inventory (already linked ones are kept). */
export const IncidentDevicesAddSchema = Type.Object({ deviceIds: DeviceIds }, { additionalProperties: false });

/** POST /api/incidents/:id/evidence — an evidence record uploaded through /api/evidence first. */
export const IncidentEvidenceAddSchema = Type.Object(
  { evidenceId: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);

/** POST /api/incidents/:id/links — a vulnerability match or probe result, by id. */
export const IncidentLinkCreateSchema = Type.Object(
  {
    kind: IncidentLinkKindSchema,
    id: Type.String({ minLength: 1, maxLength: 200 }),
    label: Type.String({ minLength: 1, maxLength: 300 }),
  },
  { additionalProperties: false },
);

export const LessonInputSchema = Type.Object(
  {
    itemId: Type.String({ minLength: 1, maxLength: 100, description: 'a checksheet item, e.g. jssec-v2:57' }),
    lesson: Type.String({ minLength: 1, maxLength: 5000 }),
    recommendation: Type.String({ maxLength: 5000 }),
    owner: Type.Optional(Type.String({ maxLength: 200 })),
    due: Type.Optional(Day),
    systemId: Type.Optional(
      Type.String({ maxLength: 100, description: "which of the incident's systems; default its first" }),
    ),
  },
  { additionalProperties: false },
);

/** POST /api/incidents/:id/close */
export const IncidentCloseSchema = Type.Object(
  {
    lessons: Type.Array(LessonInputSchema, { maxItems: 100 }),
    note: Type.Optional(Type.String({ maxLength: 5000 })),
    expectedVersion: ExpectedVersion,
  },
  { additionalProperties: false },
);

/** POST /api/incidents/:id/reopen — back to the status it was closed from; itself a timeline entry. */
export const IncidentReopenSchema = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 5000 })), expectedVersion: ExpectedVersion },
  { additionalProperties: false },
);

/** POST /api/incidents/:id/steps/:index */
export const IncidentStepOutcomeSchema = Type.Object(
  { outcome: StepOutcomeSchema, note: Type.Optional(Type.String({ maxLength: 5000 })) },
  { additionalProperties: false },
);
export const StepParams = Type.Object({ id: Type.String({ maxLength: 100 }), index: Type.Integer({ minimum: 0 }) });

/** POST /api/incidents/:id/reports */
export const IncidentReportRequestSchema = Type.Object(
  {
    kind: Type.Literal('incident-pdf'),
    language: Type.Optional(Type.Union([Type.Literal('ja'), Type.Literal('en')], { description: 'default ja' })),
  },
  { additionalProperties: false },
);

/** GET /api/incidents */
export const IncidentListQuerySchema = Type.Object(
  {
    status: Type.Optional(IncidentStatusSchema),
    severity: Type.Optional(IncidentSeveritySchema),
    systemId: Type.Optional(Type.String({ maxLength: 100 })),
    drill: Type.Optional(Type.Enum(['true', 'false'])),
  },
  { additionalProperties: false },
);

/** Minutes from one moment of the incident to another; null when either is unknown. */
export const IncidentFiguresSchema = Type.Object({
  minutesToDetect: Nullable(Type.Number()),
  minutesToReport: Nullable(Type.Number()),
  minutesToContain: Nullable(Type.Number()),
  minutesToRecover: Nullable(Type.Number()),
});

export const IncidentSummarySchema = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  reference: Type.String({ description: 'INC-0001' }),
  title: Type.String(),
  severity: IncidentSeveritySchema,
  status: IncidentStatusSchema,
  drill: Type.Boolean(),
  playbookId: Nullable(Type.String()),
  systemIds: Type.Array(Type.String()),
  occurredAt: Nullable(Type.String()),
  detectedAt: Type.String(),
  reportedAt: Nullable(Type.String({ description: 'when the first report was recorded as sent' })),
  triagedAt: Nullable(Type.String()),
  containedAt: Nullable(Type.String()),
  eradicatedAt: Nullable(Type.String()),
  recoveredAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const IncidentListSchema = Type.Object({ incidents: Type.Array(IncidentSummarySchema) });

export const IncidentDeviceSchema = Type.Object({
  id: Type.Integer(),
  assetTag: Type.String(),
  name: Type.String(),
  manufacturer: Type.String(),
  model: Type.String(),
  firmwareVersion: Type.String(),
  serialNumber: Type.String(),
});

export const TimelineEntrySchema = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  actorLabel: Type.String(),
  kind: TimelineKindSchema,
  body: Type.String(),
  correctsSeq: Nullable(Type.Integer()),
  details: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()])),
});

export const IncidentEvidenceSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  mediaType: Nullable(Type.String()),
  originalName: Nullable(Type.String()),
  sha256: Nullable(Type.String()),
  url: Nullable(Type.String()),
  linkedAt: Type.String(),
});

export const IncidentLessonSchema = Type.Object({
  id: Type.String(),
  incidentId: Type.String(),
  systemId: Type.String(),
  itemId: Type.String(),
  lesson: Type.String(),
  recommendation: Type.String(),
  owner: Type.String(),
  due: Nullable(Type.String()),
  carriedToAssessmentId: Nullable(Type.String()),
  carriedFindingId: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const IncidentLinkSchema = Type.Object({
  kind: IncidentLinkKindSchema,
  id: Type.String(),
  label: Type.String(),
  linkedAt: Type.String(),
});

export const IncidentStepSchema = Type.Object({
  index: Type.Integer(),
  title: Type.String(),
  ownerStakeholderId: Nullable(Type.String()),
  ownerName: Nullable(Type.String()),
  expectedMinutes: Nullable(Type.Integer()),
  startedAt: Nullable(Type.String()),
  endedAt: Nullable(Type.String()),
  outcome: Nullable(StepOutcomeSchema),
  note: Type.String(),
  minutes: Nullable(Type.Number({ description: 'endedAt − startedAt' })),
});

/** GET /api/incidents/:id */
export const IncidentDetailSchema = Type.Object({
  ...IncidentSummarySchema.properties,
  description: Type.String(),
  devices: Type.Array(IncidentDeviceSchema),
  timeline: Type.Array(TimelineEntrySchema),
  evidence: Type.Array(IncidentEvidenceSchema),
  lessons: Type.Array(IncidentLessonSchema),
  links: Type.Array(IncidentLinkSchema),
  steps: Type.Array(IncidentStepSchema),
  figures: IncidentFiguresSchema,
});

/** GET /api/incident-lessons: lessons learned, e.g. the pending ones of a system's item. */
export const LessonListQuerySchema = Type.Object(
  {
    systemId: Type.Optional(Type.String({ maxLength: 100 })),
    itemId: Type.Optional(Type.String({ maxLength: 100 })),
    pending: Type.Optional(Type.Enum(['true', 'false'], { description: 'true: not yet carried into an assessment' })),
  },
  { additionalProperties: false },
);
export const LessonListSchema = Type.Object({
  lessons: Type.Array(
    Type.Object({
      ...IncidentLessonSchema.properties,
      incidentReference: Type.String(),
      incidentTitle: Type.String(),
    }),
  ),
});

/** GET /api/incidents/figures: per incident, and a monthly series (medians) of real incidents and of drills. */
export const FigurePointSchema = Type.Object({
  month: Type.String({ description: 'YYYY-MM of detection (UTC)' }),
  count: Type.Integer(),
  medianMinutesToDetect: Nullable(Type.Number()),
  medianMinutesToContain: Nullable(Type.Number()),
  medianMinutesToRecover: Nullable(Type.Number()),
});
export const IncidentFigureListSchema = Type.Object({
  incidents: Type.Array(
    Type.Object({
      id: Type.String(),
      reference: Type.String(),
      title: Type.String(),
      drill: Type.Boolean(),
      detectedAt: Type.String(),
      ...IncidentFiguresSchema.properties,
    }),
  ),
  monthly: Type.Array(FigurePointSchema),
  drillMonthly: Type.Array(FigurePointSchema),
});

export type IncidentCreateBody = Type.Static<typeof IncidentCreateSchema>;
export type IncidentSummaryView = Type.Static<typeof IncidentSummarySchema>;
export type IncidentDetailView = Type.Static<typeof IncidentDetailSchema>;
export type IncidentDeviceView = Type.Static<typeof IncidentDeviceSchema>;
export type IncidentEvidenceView = Type.Static<typeof IncidentEvidenceSchema>;
export type IncidentStepView = Type.Static<typeof IncidentStepSchema>;
export type IncidentFiguresView = Type.Static<typeof IncidentFiguresSchema>;
export type IncidentFigureListView = Type.Static<typeof IncidentFigureListSchema>;
export type FigurePointView = Type.Static<typeof FigurePointSchema>;
export type LessonInput = Type.Static<typeof LessonInputSchema>;
export type LessonListView = Type.Static<typeof LessonListSchema>;
