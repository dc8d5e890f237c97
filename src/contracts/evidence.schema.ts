import Type from 'typebox';
import { FindingSchema } from './assessment.schema';
import { ProblemSchema } from './problem.schema';

// Evidence and findings shapes beyond assessment.schema.ts: the upload form, queries, conflicts.

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

/**
 * The text fields of POST /api/evidence (multipart/form-data), next to one file part named `file`.
 * Fields may come before or after the file. assessmentId and itemId together link the new
 * evidence to that answer in the same request.
 */
export const EvidenceUploadFieldsSchema = Type.Object(
  {
    title: Type.Optional(Type.String({ maxLength: 300, description: 'default: the file name' })),
    evidenceDate: Type.Optional(Day),
    validUntil: Type.Optional(Day),
    assessmentId: Type.Optional(Type.String({ minLength: 1 })),
    itemId: Type.Optional(Type.String({ minLength: 1, description: 'catalog item id, e.g. jssec-v2:25' })),
  },
  { additionalProperties: false },
);

/** GET /api/evidence: only evidence supporting this assessment and/or item. */
export const EvidenceQuerySchema = Type.Object({
  assessmentId: Type.Optional(Type.String()),
  itemId: Type.Optional(Type.String()),
});

/** DELETE /api/evidence/:id: confirm=true deletes evidence that supports accepted answers. */
export const DeleteEvidenceQuerySchema = Type.Object({
  confirm: Type.Optional(Type.Boolean({ description: 'required when the evidence supports an accepted answer' })),
});

/** 409 of DELETE /api/evidence/:id: the accepted answers the evidence supports. */
export const EvidenceDeleteConflictSchema = Type.Object({
  ...ProblemSchema.properties,
  acceptedSupports: Type.Array(Type.Object({ assessmentId: Type.String(), itemId: Type.String() })),
});

/** 409 of PATCH /api/findings/:id: the finding as it is now stored (not for ASSESSMENT_CLOSED). */
export const FindingConflictSchema = Type.Object({
  ...ProblemSchema.properties,
  current: Type.Optional(FindingSchema),
});

/** 413 of POST /api/evidence: the limit in bytes (EVIDENCE_MAX_BYTES). */
export const EvidenceTooLargeSchema = Type.Object({
  ...ProblemSchema.properties,
  limitBytes: Type.Optional(Type.Integer()),
});

/** GET /api/evidence/limits: what an upload may be, so the form can say it and refuse early. */
export const EvidenceLimitsSchema = Type.Object({
  maxBytes: Type.Integer({ description: 'EVIDENCE_MAX_BYTES: the largest file accepted' }),
  acceptedExtensions: Type.Array(Type.String(), { description: 'e.g. .pdf, .png; the bytes decide the type' }),
});

export type EvidenceLimits = Type.Static<typeof EvidenceLimitsSchema>;
export type EvidenceUploadFields = Type.Static<typeof EvidenceUploadFieldsSchema>;
