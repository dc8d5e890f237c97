import Type from 'typebox';
import { JobSchema } from '../report.schema';

// POST /api/vulnerabilities/imports (multipart `file` + optional field `source`) and
// POST /api/vulnerabilities/match: both answer 202 with the job that does the work.

export const ADVISORY_SOURCE_CHOICES = ['auto', 'nvd', 'jvn', 'csaf', 'osv'] as const;

/** The text fields of the import form. */
export const AdvisoryImportFieldsSchema = Type.Object(
  { source: Type.Optional(Type.Enum([...ADVISORY_SOURCE_CHOICES], { description: 'default auto' })) },
  { additionalProperties: false },
);

export const JobAcceptedSchema = Type.Object({ job: JobSchema });

/** What an import job's result file (JSON) holds. */
export const AdvisoryImportResultSchema = Type.Object({
  files: Type.Integer(),
  read: Type.Integer({ description: 'advisories read' }),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  pendingConfirmations: Type.Integer({ description: 'version texts that wait for a person' }),
  match: Type.Optional(
    Type.Object({
      identities: Type.Integer(),
      matches: Type.Integer(),
      added: Type.Integer(),
      removed: Type.Integer(),
    }),
  ),
});

export type AdvisoryImportFields = Type.Static<typeof AdvisoryImportFieldsSchema>;
export type AdvisoryImportResultView = Type.Static<typeof AdvisoryImportResultSchema>;
