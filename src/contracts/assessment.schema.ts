import Type from 'typebox';
import { ProblemSchema } from './problem.schema';

// Request and response shapes of systems, assessments, answers, evidence, findings and scores.
// Shared by the server (validation, OpenAPI), the web app and the CLI.

const List = <T extends Type.TSchema>(items: T) => Type.Immutable(Type.Array(items));
const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Text = (max: number) => Type.String({ maxLength: max });

export const ResultSchema = Type.Enum(['implemented', 'partial', 'not_implemented', 'not_applicable', 'unanswered']);
export const ReviewStateSchema = Type.Enum(['open', 'ready_for_review', 'accepted', 'returned']);
export const StatusSchema = Type.Enum(['planned', 'in_progress', 'in_review', 'done', 'archived']);
export const CriticalitySchema = Type.Enum(['critical', 'important', 'supporting']);
export const PrioritySchema = Type.Enum(['high', 'medium', 'low']);
export const FindingStatusSchema = Type.Enum(['open', 'in_progress', 'resolved', 'accepted_risk']);

// ---- IoT systems (the scope) ----
export const SystemInputSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Text(4000)),
    business: Type.Optional(Text(1000)),
    criticality: CriticalitySchema,
    ownerName: Type.Optional(Text(200)),
    protectedFunctions: Type.Optional(List(Text(500))),
    protectedInformation: Type.Optional(List(Text(500))),
    internetFacing: Type.Optional(Type.Boolean()),
    tags: Type.Optional(List(Text(100))),
  },
  { additionalProperties: false },
);
export const SystemSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  business: Type.String(),
  criticality: CriticalitySchema,
  ownerName: Type.String(),
  protectedFunctions: List(Type.String()),
  protectedInformation: List(Type.String()),
  internetFacing: Type.Boolean(),
  tags: List(Type.String()),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export const SystemListSchema = Type.Object({ systems: List(SystemSchema) });
export const SystemUpdateSchema = Type.Object(
  {
    ...SystemInputSchema.properties,
    name: Type.Optional(SystemInputSchema.properties.name),
    criticality: Type.Optional(CriticalitySchema),
    version: Type.Integer({ description: 'the version you edited; a stale one gets 409 with the current system' }),
  },
  { additionalProperties: false },
);

// ---- Assessments ----
export const AssessmentInputSchema = Type.Object(
  {
    systemId: Type.String(),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    frameworkId: Type.Optional(Type.String({ description: 'default jssec-v2' })),
    periodStart: Type.Optional(Day),
    periodEnd: Type.Optional(Day),
    leadUserId: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export const AssessmentUpdateSchema = Type.Object(
  {
    title: Type.Optional(AssessmentInputSchema.properties.title),
    periodStart: Type.Optional(Nullable(Day)),
    periodEnd: Type.Optional(Nullable(Day)),
    leadUserId: Type.Optional(Nullable(Type.String())),
    version: Type.Integer({ description: 'the version you edited; a stale one gets 409 with the current assessment' }),
  },
  { additionalProperties: false },
);
/** Query of a DELETE of a versioned record. */
export const DeleteVersionQuerySchema = Type.Object(
  {
    version: Type.Integer({ description: 'the version you saw; a stale one gets 409' }),
    withAssessments: Type.Optional(
      Type.Boolean({ description: 'systems only: also delete the system’s assessments (refused otherwise)' }),
    ),
  },
  { additionalProperties: false },
);
export const AssessmentSchema = Type.Object({
  id: Type.String(),
  systemId: Type.String(),
  frameworkId: Type.String(),
  frameworkVersion: Type.String(),
  catalogHash: Type.String({ description: 'content hash of the catalog the assessment was made against' }),
  title: Type.String(),
  periodStart: Nullable(Type.String()),
  periodEnd: Nullable(Type.String()),
  status: StatusSchema,
  leadUserId: Nullable(Type.String()),
  copiedFrom: Nullable(Type.String()),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  closedAt: Nullable(Type.String()),
});
export const CheckStateSchema = Type.Object(
  { done: Type.Boolean(), note: Text(2000) },
  { additionalProperties: false },
);
export const AnswerSchema = Type.Object({
  itemId: Type.String({ description: 'catalog item id, e.g. jssec-v2:25' }),
  result: ResultSchema,
  justification: Type.String(),
  comment: Type.String(),
  checks: Type.Record(Type.String(), CheckStateSchema, { description: 'by check id, e.g. jssec-v2:25.1' }),
  assigneeUserId: Nullable(Type.String()),
  dueDate: Nullable(Type.String()),
  reviewState: ReviewStateSchema,
  returnReason: Nullable(Type.String()),
  version: Type.Integer({ description: '0 for an item never saved' }),
  updatedAt: Nullable(Type.String()),
  updatedBy: Nullable(Type.String()),
  evidenceCount: Type.Integer(),
  openFindings: Type.Integer(),
  overdue: Type.Boolean({ description: 'due date before today (UTC) and not accepted: the one definition of overdue' }),
});
export const AssessmentSummarySchema = Type.Object({
  ...AssessmentSchema.properties,
  systemName: Type.String(),
  overallScore: Nullable(Type.Number()),
  completion: Type.Number(),
});
export const AssessmentListSchema = Type.Object({ assessments: List(AssessmentSummarySchema) });
export const AssessmentDetailSchema = Type.Object({
  assessment: AssessmentSchema,
  system: SystemSchema,
  answers: List(AnswerSchema),
});
export const StatusChangeSchema = Type.Object(
  { status: StatusSchema, version: Type.Integer() },
  { additionalProperties: false },
);
export const CopyAssessmentSchema = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);

// ---- Answers ----
export const AnswerUpdateSchema = Type.Object(
  {
    version: Type.Integer({
      minimum: 0,
      description: 'the version you edited; a stale one gets 409 with the current answer',
    }),
    result: Type.Optional(ResultSchema),
    justification: Type.Optional(Text(4000)),
    comment: Type.Optional(Text(8000)),
    checks: Type.Optional(Type.Record(Type.String(), CheckStateSchema)),
    assigneeUserId: Type.Optional(Nullable(Type.String())),
    dueDate: Type.Optional(Nullable(Day)),
  },
  { additionalProperties: false },
);
export const AnswerListSchema = Type.Object({ answers: List(AnswerSchema) });
export const BulkAnswerUpdateSchema = Type.Object(
  {
    answers: List(
      Type.Object({ itemId: Type.String(), ...AnswerUpdateSchema.properties }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);
export const ReviewActionSchema = Type.Object(
  {
    action: Type.Enum(['ready', 'accept', 'return', 'reopen']),
    reason: Type.Optional(Text(2000)),
    version: Type.Integer(),
  },
  { additionalProperties: false },
);
/** 409 of an answer change: CONFLICT carries the stored answer (`current`); ASSESSMENT_CLOSED has none. */
export const AnswerConflictSchema = Type.Object({
  ...ProblemSchema.properties,
  current: Type.Optional(AnswerSchema),
});
export const AnswerHistorySchema = Type.Object({
  entries: List(
    Type.Object({
      version: Type.Integer(),
      changedAt: Type.String(),
      changedBy: Nullable(Type.String()),
      before: Type.Unknown(),
      after: Type.Unknown(),
    }),
  ),
});

// ---- Evidence ----
export const EvidenceSchema = Type.Object({
  id: Type.String(),
  kind: Type.Enum(['file', 'link', 'text', 'questionnaire']),
  title: Type.String(),
  evidenceDate: Nullable(Type.String()),
  validUntil: Nullable(Type.String()),
  sha256: Nullable(Type.String()),
  mediaType: Nullable(Type.String()),
  sizeBytes: Nullable(Type.Integer()),
  originalName: Nullable(Type.String()),
  url: Nullable(Type.String()),
  body: Nullable(Type.String()),
  createdAt: Type.String(),
  createdBy: Nullable(Type.String()),
  supports: List(Type.Object({ assessmentId: Type.String(), itemId: Type.String() })),
});
export const EvidenceListSchema = Type.Object({ evidence: List(EvidenceSchema) });
export const LinkOrTextEvidenceSchema = Type.Object(
  {
    kind: Type.Enum(['link', 'text']),
    title: Type.String({ minLength: 1, maxLength: 300 }),
    url: Type.Optional(Type.String({ maxLength: 2000 })),
    body: Type.Optional(Text(20000)),
    evidenceDate: Type.Optional(Day),
    validUntil: Type.Optional(Day),
  },
  { additionalProperties: false },
);
export const LinkEvidenceSchema = Type.Object({ evidenceId: Type.String() }, { additionalProperties: false });

// ---- Findings ----
export const FindingInputSchema = Type.Object(
  {
    itemId: Type.String(),
    issue: Type.String({ minLength: 1, maxLength: 4000 }),
    impact: Type.Optional(Text(4000)),
    recommendation: Type.Optional(Text(4000)),
    priority: PrioritySchema,
    ownerName: Type.Optional(Text(200)),
    dueDate: Type.Optional(Day),
  },
  { additionalProperties: false },
);
export const FindingUpdateSchema = Type.Object(
  {
    version: Type.Integer(),
    issue: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
    impact: Type.Optional(Text(4000)),
    recommendation: Type.Optional(Text(4000)),
    priority: Type.Optional(PrioritySchema),
    ownerName: Type.Optional(Text(200)),
    dueDate: Type.Optional(Nullable(Day)),
    status: Type.Optional(FindingStatusSchema),
    acceptedReason: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);
export const FindingSchema = Type.Object({
  id: Type.String(),
  assessmentId: Type.String(),
  itemId: Type.String(),
  deviceId: Nullable(Type.String()),
  issue: Type.String(),
  impact: Type.String(),
  recommendation: Type.String(),
  priority: PrioritySchema,
  ownerName: Type.String(),
  dueDate: Nullable(Type.String()),
  status: FindingStatusSchema,
  acceptedBy: Nullable(Type.String()),
  acceptedReason: Nullable(Type.String()),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export const FindingListSchema = Type.Object({ findings: List(FindingSchema) });

// ---- Scores, snapshots, gaps, comparison ----
export const GroupScoreSchema = Type.Object({
  items: Type.Integer(),
  applicable: Type.Integer(),
  answered: Type.Integer(),
  implemented: Type.Integer(),
  partial: Type.Integer(),
  notImplemented: Type.Integer(),
  notApplicable: Type.Integer(),
  unanswered: Type.Integer(),
  score: Nullable(Type.Number()),
  completion: Type.Number(),
  level: Type.Integer({ minimum: 0, maximum: 4 }),
});
export const ScoresSchema = Type.Object(
  {
    overall: GroupScoreSchema,
    functions: Type.Record(Type.String(), GroupScoreSchema),
    categories: Type.Record(Type.String(), GroupScoreSchema),
  },
  {
    description:
      'score = (implemented + 0.5 × partial) / applicable, applicable = items not not_applicable, unanswered counts as 0; completion = answered / all items; level 0–4: 0 below 20 %, +1 per 20 % (4 from 80 %).',
  },
);
export const SnapshotListSchema = Type.Object({
  snapshots: List(
    Type.Object({
      id: Type.String(),
      takenAt: Type.String(),
      reason: Type.Enum(['status_change', 'daily']),
      status: StatusSchema,
      scores: ScoresSchema,
    }),
  ),
});
export const GapListSchema = Type.Object({
  gaps: List(
    Type.Object({
      itemId: Type.String(),
      result: ResultSchema,
      weight: Type.Number(),
      overdue: Type.Boolean(),
      rank: Type.Number({ description: 'item weight × system criticality × (2 when overdue)' }),
      openFindings: List(FindingSchema),
    }),
  ),
});
export const ChangeSchema = Type.Enum(['improved', 'worse', 'unchanged', 'changed'], {
  description: 'changed: a move without direction (to or from not_applicable; a score that appears or vanishes)',
});
export const ComparisonSchema = Type.Object({
  baseId: Type.String(),
  otherId: Type.String(),
  items: List(Type.Object({ itemId: Type.String(), before: ResultSchema, after: ResultSchema, change: ChangeSchema })),
  functions: Type.Record(
    Type.String(),
    Type.Object({ before: Nullable(Type.Number()), after: Nullable(Type.Number()), change: ChangeSchema }),
  ),
});

// ---- Portable assessment document ("compliance as code") ----
export const AssessmentDocumentSchema = Type.Object(
  {
    iotcheck: Type.Literal('assessment/v1'),
    assessment: Type.Object(
      {
        id: Type.Optional(Type.String()),
        systemId: Type.String(),
        title: Type.String({ minLength: 1, maxLength: 200 }),
        frameworkId: Type.String(),
        catalogHash: Type.Optional(Type.String()),
      },
      { additionalProperties: false },
    ),
    answers: List(
      Type.Object(
        {
          item: Type.String({ description: 'item id (jssec-v2:25) or number (25)' }),
          version: Type.Optional(
            Type.Integer({
              minimum: 0,
              description:
                'the answer version when exported (0: never saved); apply refuses with 409 if the stored answer changed since, unless forced',
            }),
          ),
          result: ResultSchema,
          justification: Type.Optional(Text(4000)),
          comment: Type.Optional(Text(8000)),
          checks: Type.Optional(Type.Record(Type.String(), Type.Boolean())),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export const ApplyOptionsSchema = Type.Object(
  {
    force: Type.Optional(
      Type.Boolean({ description: 'apply even over answers that changed since the document was exported' }),
    ),
  },
  { additionalProperties: false },
);
export const ApplyResultSchema = Type.Object({
  assessmentId: Type.String(),
  created: Type.Boolean(),
  changed: Type.Integer(),
  unchanged: Type.Integer(),
});

// ---- Organisation item weights ----
export const ItemWeightsSchema = Type.Object(
  {
    weights: Type.Record(Type.String(), Type.Number({ minimum: 0, maximum: 10 })),
  },
  { additionalProperties: false },
);

export type SystemInput = Type.Static<typeof SystemInputSchema>;
export type SystemUpdate = Type.Static<typeof SystemUpdateSchema>;
export type AssessmentInput = Type.Static<typeof AssessmentInputSchema>;
export type AssessmentUpdate = Type.Static<typeof AssessmentUpdateSchema>;
export type AnswerHistory = Type.Static<typeof AnswerHistorySchema>;
export type ApplyResult = Type.Static<typeof ApplyResultSchema>;
export type ItemWeights = Type.Static<typeof ItemWeightsSchema>;
export type IotSystem = Type.Static<typeof SystemSchema>;
export type Assessment = Type.Static<typeof AssessmentSchema>;
export type AssessmentSummary = Type.Static<typeof AssessmentSummarySchema>;
export type AssessmentDetail = Type.Static<typeof AssessmentDetailSchema>;
export type Answer = Type.Static<typeof AnswerSchema>;
export type AnswerUpdate = Type.Static<typeof AnswerUpdateSchema>;
export type Evidence = Type.Static<typeof EvidenceSchema>;
export type Finding = Type.Static<typeof FindingSchema>;
export type FindingInput = Type.Static<typeof FindingInputSchema>;
export type ScoresResponse = Type.Static<typeof ScoresSchema>;
export type SnapshotList = Type.Static<typeof SnapshotListSchema>;
export type GapList = Type.Static<typeof GapListSchema>;
export type Comparison = Type.Static<typeof ComparisonSchema>;
export type AssessmentDocument = Type.Static<typeof AssessmentDocumentSchema>;
