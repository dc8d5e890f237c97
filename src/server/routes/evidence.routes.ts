import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  EvidenceListSchema,
  EvidenceSchema,
  LinkEvidenceSchema,
  LinkOrTextEvidenceSchema,
} from '../../contracts/assessment.schema';
import { OkSchema } from '../../contracts/auth.schema';
import {
  DeleteEvidenceQuerySchema,
  EvidenceDeleteConflictSchema,
  EvidenceLimitsSchema,
  EvidenceQuerySchema,
  EvidenceTooLargeSchema,
  EvidenceUploadFieldsSchema,
} from '../../contracts/evidence.schema';
import { ProblemSchema } from '../../contracts/problem.schema';
import { createEvidenceEntry } from '../../services/evidence/create-evidence-entry';
import { deleteEvidence } from '../../services/evidence/delete-evidence';
import type { EvidenceDeps } from '../../services/evidence/evidence-deps';
import { getEvidence } from '../../services/evidence/get-evidence';
import { getEvidenceLimits } from '../../services/evidence/get-evidence-limits';
import { linkEvidence } from '../../services/evidence/link-evidence';
import { listEvidence } from '../../services/evidence/list-evidence';
import { openEvidenceFile } from '../../services/evidence/open-evidence-file';
import { unlinkEvidence } from '../../services/evidence/unlink-evidence';
import { uploadEvidence } from '../../services/evidence/upload-evidence';
import { attachmentDisposition } from '../content-disposition';
import { parseFormFields, readSingleFileForm } from '../multipart-form';
import { contextOf } from '../request-context';
import type { ServerDeps } from '../server-deps';

const tags = ['evidence'];
const IdParams = Type.Object({ id: Type.String() });
const AnswerParams = Type.Object({ id: Type.String({ description: 'assessment id' }), itemId: Type.String() });

/** /api/evidence and answer links — files (sniffed, content-addressed in DATA_DIR/evidence), links and texts. */
export const evidenceRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  const evidenceDeps: EvidenceDeps = deps;

  app.post(
    '/evidence',
    {
      config: { access: 'evidence.write' },
      schema: {
        tags,
        summary: 'Upload a file as evidence (multipart/form-data)',
        description:
          `One file part \`file\` plus the text fields ${Object.keys(EvidenceUploadFieldsSchema.properties).join(', ')}. ` +
          'The type is sniffed from the bytes; larger than EVIDENCE_MAX_BYTES → 413 PAYLOAD_TOO_LARGE.',
        consumes: ['multipart/form-data'],
        response: { 200: EvidenceSchema, 413: EvidenceTooLargeSchema },
      },
    },
    async (request) => {
      const form = await readSingleFileForm(request, 'file');
      return uploadEvidence(evidenceDeps, {
        actor: request.actor,
        file: form.file,
        details: async () => parseFormFields(EvidenceUploadFieldsSchema, await form.readFields()),
        context: contextOf(request),
      });
    },
  );

  app.get(
    '/evidence/limits',
    {
      config: { access: 'evidence.read' },
      schema: {
        tags,
        summary: 'The size limit and accepted file types of uploads',
        response: { 200: EvidenceLimitsSchema },
      },
    },
    async () => getEvidenceLimits(evidenceDeps),
  );

  app.post(
    '/evidence/entries',
    {
      config: { access: 'evidence.write' },
      schema: {
        tags,
        summary: 'Record a link or a text as evidence',
        body: LinkOrTextEvidenceSchema,
        response: { 200: EvidenceSchema },
      },
    },
    async (request) =>
      createEvidenceEntry(evidenceDeps, { actor: request.actor, entry: request.body, context: contextOf(request) }),
  );

  app.get(
    '/evidence',
    {
      config: { access: 'evidence.read' },
      schema: {
        tags,
        summary: 'Evidence of the organisation, newest first',
        querystring: EvidenceQuerySchema,
        response: { 200: EvidenceListSchema },
      },
    },
    async (request) => ({
      evidence: await listEvidence(evidenceDeps, {
        actor: request.actor,
        ...(request.query.assessmentId === undefined ? {} : { assessmentId: request.query.assessmentId }),
        ...(request.query.itemId === undefined ? {} : { itemId: request.query.itemId }),
      }),
    }),
  );

  app.get(
    '/evidence/:id',
    {
      config: { access: 'evidence.read' },
      schema: {
        tags,
        summary: 'One evidence and the answers it supports',
        params: IdParams,
        response: { 200: EvidenceSchema, 404: ProblemSchema },
      },
    },
    async (request) => getEvidence(evidenceDeps, { actor: request.actor, evidenceId: request.params.id }),
  );

  app.get(
    '/evidence/:id/download',
    {
      config: { access: 'evidence.read' },
      schema: {
        tags,
        summary: 'Download the file of an evidence',
        params: IdParams,
        produces: ['application/octet-stream'],
      },
    },
    async (request, reply) => {
      const file = await openEvidenceFile(evidenceDeps, { actor: request.actor, evidenceId: request.params.id });
      return reply
        .type(file.mediaType)
        .header('content-length', file.sizeBytes)
        .header('content-disposition', attachmentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );

  app.delete(
    '/evidence/:id',
    {
      config: { access: 'evidence.write' },
      schema: {
        tags,
        summary: 'Delete an evidence (confirm=true when it supports an accepted answer)',
        params: IdParams,
        querystring: DeleteEvidenceQuerySchema,
        response: { 200: OkSchema, 409: EvidenceDeleteConflictSchema },
      },
    },
    async (request) => {
      await deleteEvidence(evidenceDeps, {
        actor: request.actor,
        evidenceId: request.params.id,
        confirm: request.query.confirm === true,
        context: contextOf(request),
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/assessments/:id/answers/:itemId/evidence',
    {
      config: { access: 'evidence.write' },
      schema: {
        tags,
        summary: 'Link existing evidence to an answer',
        params: AnswerParams,
        body: LinkEvidenceSchema,
        response: { 200: EvidenceSchema },
      },
    },
    async (request) =>
      linkEvidence(evidenceDeps, {
        actor: request.actor,
        assessmentId: request.params.id,
        itemId: request.params.itemId,
        evidenceId: request.body.evidenceId,
        context: contextOf(request),
      }),
  );

  app.delete(
    '/assessments/:id/answers/:itemId/evidence/:evidenceId',
    {
      config: { access: 'evidence.write' },
      schema: {
        tags,
        summary: 'Unlink evidence from an answer (the evidence stays)',
        params: Type.Object({ ...AnswerParams.properties, evidenceId: Type.String() }),
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      await unlinkEvidence(evidenceDeps, {
        actor: request.actor,
        assessmentId: request.params.id,
        itemId: request.params.itemId,
        evidenceId: request.params.evidenceId,
        context: contextOf(request),
      });
      return { ok: true as const };
    },
  );
};
