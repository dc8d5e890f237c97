import Type from 'typebox';
import { JustificationSchema, Nullable, TriageStatusSchema } from './parts.schema';

// PUT /api/vulnerabilities/triage — the triage of an advisory for a model or one device.

export const TriageTargetSchema = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('model'),
      manufacturer: Type.String({ minLength: 1, maxLength: 200 }),
      model: Type.String({ minLength: 1, maxLength: 200 }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { kind: Type.Literal('device'), deviceId: Type.String({ minLength: 1, maxLength: 100 }) },
    { additionalProperties: false },
  ),
]);

export const TriageRequestSchema = Type.Object(
  {
    advisoryId: Type.String({ minLength: 1, maxLength: 100 }),
    target: TriageTargetSchema,
    status: TriageStatusSchema,
    justification: Type.Optional(Nullable(JustificationSchema)),
    detail: Type.Optional(Type.String({ maxLength: 4000 })),
    owner: Type.Optional(Type.String({ maxLength: 200 })),
    due: Type.Optional(Nullable(Type.String({ maxLength: 10, description: 'YYYY-MM-DD' }))),
    expectedVersion: Type.Optional(
      Type.Integer({ minimum: 0, description: 'the version you edited; absent for a new triage; stale → 409' }),
    ),
  },
  { additionalProperties: false },
);

export type TriageRequest = Type.Static<typeof TriageRequestSchema>;
