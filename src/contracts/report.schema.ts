import Type from 'typebox';
import { JOB_STATUSES } from '../core/jobs/job.types';
import { REPORT_KINDS } from '../core/reports/report-kinds';

/** POST /api/assessments/:id/reports: which report, in which language. */
export const ReportRequestSchema = Type.Object(
  {
    kind: Type.Enum(REPORT_KINDS),
    language: Type.Optional(Type.Union([Type.Literal('ja'), Type.Literal('en')], { description: 'default ja' })),
    detailed: Type.Optional(Type.Boolean({ description: 'the management PDF with every answer, check and evidence' })),
  },
  { additionalProperties: false },
);

/** A background job as clients see it. */
export const JobSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  status: Type.Enum(JOB_STATUSES),
  progress: Type.Number({ minimum: 0, maximum: 1, description: 'share of the work done' }),
  language: Type.Optional(Type.String()),
  detailed: Type.Optional(Type.Boolean()),
  requestedByMe: Type.Boolean(),
  createdAt: Type.String(),
  startedAt: Type.Union([Type.String(), Type.Null()]),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  file: Type.Union([
    Type.Object({ name: Type.String(), mediaType: Type.String(), bytes: Type.Integer(), href: Type.String() }),
    Type.Null(),
  ]),
  error: Type.Union([Type.Object({ code: Type.String(), message: Type.String() }), Type.Null()]),
});

export const JobListSchema = Type.Object({ jobs: Type.Array(JobSchema) });

export type JobView = Type.Static<typeof JobSchema>;
