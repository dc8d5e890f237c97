import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import Type from 'typebox';
import { ProblemSchema } from '../../../contracts/problem.schema';
import {
  CreatedQuestionnaireSchema,
  CreateQuestionnaireSchema,
  QuestionnaireImportResultSchema,
  QuestionnaireItemListSchema,
  QuestionnaireListSchema,
  QuestionnaireSchema,
} from '../../../contracts/questionnaire.schema';
import { createQuestionnaire } from '../../../services/questionnaires/create-questionnaire';
import { generateQuestionnairePdf } from '../../../services/questionnaires/generate-questionnaire-pdf';
import { generateQuestionnaireWorkbook } from '../../../services/questionnaires/generate-questionnaire-workbook';
import type { GeneratedReport } from '../../../services/reports/generated-report';
import {
  importQuestionnaireWorkbook,
  QUESTIONNAIRE_WORKBOOK_MAX_BYTES,
} from '../../../services/questionnaires/import-questionnaire-workbook';
import { listQuestionnaireItems } from '../../../services/questionnaires/list-questionnaire-items';
import { listQuestionnaires } from '../../../services/questionnaires/list-questionnaires';
import type { QuestionnaireDeps } from '../../../services/questionnaires/questionnaire-deps';
import { revokeQuestionnaire } from '../../../services/questionnaires/revoke-questionnaire';
import { DomainError } from '../../../core/domain-error';
import { attachmentDisposition } from '../../content-disposition';
import { parseFormFields, readSingleFileForm } from '../../multipart-form';
import { contextOf } from '../../request-context';
import type { ServerDeps } from '../../server-deps';
import { collectBytes } from './collect-bytes';

const tags = ['questionnaires'];

/** Streams a generated file as an attachment; an error half-way ends the response. */
function sendReport(reply: FastifyReply, report: GeneratedReport) {
  const body = new PassThrough();
  report.write(body).then(
    () => body.end(),
    (error: unknown) => body.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return reply
    .type(report.mediaType)
    .header('content-disposition', attachmentDisposition(report.fileName))
    .header('cache-control', 'private, no-store')
    .send(body);
}
const AssessmentParams = Type.Object({ id: Type.String({ description: 'assessment id' }) });
const IdParams = Type.Object({ id: Type.String({ description: 'questionnaire id' }) });
const NoFields = Type.Object({}, { additionalProperties: false });

/** The assessor's side of vendor questionnaires: links per assessment, revoking, the workbook out and back in. */
export const questionnairesRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  const questionnaireDeps: QuestionnaireDeps = deps;

  app.get(
    '/assessments/:id/questionnaires',
    {
      config: { access: 'questionnaires.manage' },
      schema: {
        tags,
        summary: 'The questionnaires of an assessment, newest first, with their state',
        params: AssessmentParams,
        response: { 200: QuestionnaireListSchema, 404: ProblemSchema },
      },
    },
    async (request) => ({
      questionnaires: await listQuestionnaires(questionnaireDeps, {
        actor: request.actor,
        assessmentId: request.params.id,
      }),
    }),
  );

  app.get(
    '/assessments/:id/questionnaire-items',
    {
      config: { access: 'questionnaires.manage' },
      schema: {
        tags,
        summary: 'The items a questionnaire may ask about; provider questions are the default choice',
        params: AssessmentParams,
        response: { 200: QuestionnaireItemListSchema, 404: ProblemSchema },
      },
    },
    async (request) => ({
      items: await listQuestionnaireItems(questionnaireDeps, { actor: request.actor, assessmentId: request.params.id }),
    }),
  );

  app.post(
    '/assessments/:id/questionnaires',
    {
      config: { access: 'questionnaires.manage' },
      schema: {
        tags,
        summary: 'Create a questionnaire for a provider; the link is returned this once',
        params: AssessmentParams,
        body: CreateQuestionnaireSchema,
        response: { 200: CreatedQuestionnaireSchema, 404: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const created = await createQuestionnaire(questionnaireDeps, {
        actor: request.actor,
        assessmentId: request.params.id,
        choice: {
          language: body.language,
          ...(body.providerId === undefined ? {} : { providerId: body.providerId }),
          ...(body.providerName === undefined ? {} : { providerName: body.providerName }),
          ...(body.itemIds === undefined ? {} : { itemIds: body.itemIds }),
          ...(body.expiresInDays === undefined ? {} : { expiresInDays: body.expiresInDays }),
        },
        context: contextOf(request),
      });
      reply.header('cache-control', 'no-store');
      return { questionnaire: created.questionnaire, path: created.path };
    },
  );

  app.post(
    '/questionnaires/:id/revoke',
    {
      config: { access: 'questionnaires.manage' },
      schema: {
        tags,
        summary: 'Revoke a questionnaire: its link stops working',
        params: IdParams,
        response: { 200: QuestionnaireSchema, 404: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request) =>
      revokeQuestionnaire(questionnaireDeps, {
        actor: request.actor,
        questionnaireId: request.params.id,
        context: contextOf(request),
      }),
  );

  app.get(
    '/questionnaires/:id/workbook',
    {
      config: { access: 'questionnaires.manage' },
      schema: {
        tags,
        summary: 'Download the questionnaire as an XLSX workbook (answer drop-downs, hidden key sheet)',
        params: IdParams,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) =>
      sendReport(
        reply,
        await generateQuestionnaireWorkbook(questionnaireDeps, {
          actor: request.actor,
          questionnaireId: request.params.id,
        }),
      ),
  );

  app.get(
    '/questionnaires/:id/pdf',
    {
      config: { access: 'questionnaires.manage' },
      schema: {
        tags,
        summary: 'Download the questionnaire as a PDF (tick boxes and lines for free text)',
        params: IdParams,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) =>
      sendReport(
        reply,
        await generateQuestionnairePdf(questionnaireDeps, { actor: request.actor, questionnaireId: request.params.id }),
      ),
  );

  app.post(
    '/questionnaires/:id/import',
    {
      config: { access: 'questionnaires.manage' },
      schema: {
        tags,
        summary: 'Import a filled questionnaire workbook (multipart field `file`): the answers become evidence',
        description:
          'Refused whole (400 with row and column of every problem) for another questionnaire’s workbook, changed rows or unknown answers.',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 200: QuestionnaireImportResultSchema, 404: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request) => {
      const form = await readSingleFileForm(request, 'file', QUESTIONNAIRE_WORKBOOK_MAX_BYTES);
      const bytes = await collectBytes(form.file.content);
      if (form.file.truncated())
        throw new DomainError('PAYLOAD_TOO_LARGE', 'The workbook is larger than a questionnaire can be.', [
          {
            file: form.file.fileName,
            reason: `larger than ${QUESTIONNAIRE_WORKBOOK_MAX_BYTES} bytes`,
            code: 'file_too_large',
          },
        ]);
      parseFormFields(NoFields, await form.readFields());
      return importQuestionnaireWorkbook(questionnaireDeps, {
        actor: request.actor,
        questionnaireId: request.params.id,
        file: { fileName: form.file.fileName, bytes },
        context: contextOf(request),
      });
    },
  );
};
