import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { CoverageGapListSchema, CoverageQuerySchema, CoverageSchema } from '../../contracts/crosswalk.schema';
import { ProblemSchema } from '../../contracts/problem.schema';
import { getCoverage } from '../../services/assessments/get-coverage';
import { listCoverageGaps } from '../../services/assessments/list-coverage-gaps';
import type { ServerDeps } from '../server-deps';

const tags = ['assessments'];
const config = { access: 'assessments.read' as const };
const params = Type.Object({ id: Type.String() });

/** /api/assessments/:id/coverage — what an assessment implies for another framework, and its gaps. */
export const coverageRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  app.get(
    '/assessments/:id/coverage',
    {
      config,
      schema: {
        tags,
        summary: 'Inferred status of every item of another framework, each with its sources',
        params,
        querystring: CoverageQuerySchema,
        response: { 200: CoverageSchema, 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) =>
      getCoverage(deps, {
        actor: request.actor,
        assessmentId: request.params.id,
        frameworkId: request.query.framework,
      }),
  );

  app.get(
    '/assessments/:id/coverage/gaps',
    {
      config,
      schema: {
        tags,
        summary:
          'Items of another framework not covered or not met, mandatory first, with the checksheet items to work on',
        params,
        querystring: CoverageQuerySchema,
        response: { 200: CoverageGapListSchema, 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) =>
      listCoverageGaps(deps, {
        actor: request.actor,
        assessmentId: request.params.id,
        frameworkId: request.query.framework,
      }),
  );
};
