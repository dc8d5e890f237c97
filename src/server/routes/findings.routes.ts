import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  FindingInputSchema,
  FindingListSchema,
  FindingSchema,
  FindingUpdateSchema,
} from '../../contracts/assessment.schema';
import { FindingConflictSchema } from '../../contracts/evidence.schema';
import { ProblemSchema } from '../../contracts/problem.schema';
import { createFinding } from '../../services/findings/create-finding';
import { listFindings } from '../../services/findings/list-findings';
import { updateFinding } from '../../services/findings/update-finding';
import { contextOf } from '../request-context';
import type { ServerDeps } from '../server-deps';

const tags = ['findings'];
const IdParams = Type.Object({ id: Type.String() });

/** Findings of an assessment: gaps with impact, recommendation, owner, due date and status. */
export const findingsRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  app.get(
    '/assessments/:id/findings',
    {
      config: { access: 'assessments.read' },
      schema: {
        tags,
        summary: 'Findings of an assessment',
        params: IdParams,
        response: { 200: FindingListSchema, 404: ProblemSchema },
      },
    },
    async (request) => ({
      findings: await listFindings(deps, { actor: request.actor, assessmentId: request.params.id }),
    }),
  );

  app.post(
    '/assessments/:id/findings',
    {
      config: { access: 'findings.write' },
      schema: {
        tags,
        summary: 'Record a finding on an item',
        params: IdParams,
        body: FindingInputSchema,
        response: { 200: FindingSchema },
      },
    },
    async (request) =>
      createFinding(deps, {
        actor: request.actor,
        assessmentId: request.params.id,
        finding: request.body,
        context: contextOf(request),
      }),
  );

  app.patch(
    '/findings/:id',
    {
      config: { access: 'findings.write' },
      schema: {
        tags,
        summary: 'Update a finding (stale version → 409 with the current one)',
        params: IdParams,
        body: FindingUpdateSchema,
        response: { 200: FindingSchema, 409: FindingConflictSchema },
      },
    },
    async (request) =>
      updateFinding(deps, {
        actor: request.actor,
        findingId: request.params.id,
        update: request.body,
        context: contextOf(request),
      }),
  );
};
