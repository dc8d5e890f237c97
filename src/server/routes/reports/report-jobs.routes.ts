import { join } from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { JobListSchema, JobSchema, ReportRequestSchema } from '../../../contracts/report.schema';
import { cancelJob } from '../../../services/jobs/cancel-job';
import { getJob } from '../../../services/jobs/get-job';
import { openJobFile } from '../../../services/jobs/open-job-file';
import { presentJob } from '../../../services/jobs/present-job';
import { listReports } from '../../../services/reports/list-reports';
import { requestReport } from '../../../services/reports/request-report';
import { attachmentDisposition } from '../../content-disposition';
import { contextOf } from '../../request-context';
import type { ServerDeps } from '../../server-deps';

const tags = ['reports'];
const AssessmentParams = Type.Object({ id: Type.String({ description: 'assessment id' }) });
const JobParams = Type.Object({ id: Type.String({ description: 'job id' }) });

/**
 * Reports of an assessment as background jobs: ask for one, watch its progress, download its file
 * (only members who may read the assessment), cancel it.
 */
export const reportJobRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  app.post(
    '/assessments/:id/reports',
    {
      config: { access: 'assessments.read' },
      schema: {
        tags,
        summary: 'Ask for a report of the assessment (runs as a background job)',
        params: AssessmentParams,
        body: ReportRequestSchema,
        response: { 202: JobSchema },
      },
    },
    async (request, reply) => {
      const job = await requestReport(deps, {
        actor: request.actor,
        assessmentId: request.params.id,
        kind: request.body.kind,
        language: request.body.language ?? 'ja',
        detailed: request.body.detailed ?? false,
        context: contextOf(request),
      });
      return reply.code(202).send(presentJob(job, request.actor));
    },
  );

  app.get(
    '/assessments/:id/reports',
    {
      config: { access: 'assessments.read' },
      schema: {
        tags,
        summary: "The assessment's recent report jobs, newest first",
        params: AssessmentParams,
        response: { 200: JobListSchema },
      },
    },
    async (request) => {
      const jobs = await listReports(deps, { actor: request.actor, assessmentId: request.params.id });
      return { jobs: jobs.map((job) => presentJob(job, request.actor)) };
    },
  );

  app.get(
    '/jobs/:id',
    {
      config: { access: 'jobs.read' },
      schema: { tags, summary: 'A background job and its progress', params: JobParams, response: { 200: JobSchema } },
    },
    async (request) =>
      presentJob(await getJob(deps, { actor: request.actor, jobId: request.params.id }), request.actor),
  );

  app.get(
    '/jobs/:id/download',
    {
      config: { access: 'jobs.read' },
      schema: {
        tags,
        summary: 'The file a finished job made',
        params: JobParams,
        produces: ['application/octet-stream'],
      },
    },
    async (request, reply) => {
      const file = await openJobFile(deps, { actor: request.actor, jobId: request.params.id });
      return reply
        .type(file.mediaType)
        .header('content-length', file.bytes)
        .header('content-disposition', attachmentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );

  app.post(
    '/jobs/:id/cancel',
    {
      config: { access: 'jobs.read' },
      schema: { tags, summary: 'Cancel a queued or running job', params: JobParams, response: { 200: JobSchema } },
    },
    async (request) =>
      presentJob(
        await cancelJob(
          { ...deps, spoolDir: join(deps.config.dataDir, 'tmp') },
          { actor: request.actor, jobId: request.params.id, context: contextOf(request) },
        ),
        request.actor,
      ),
  );
};
