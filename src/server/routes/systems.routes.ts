import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  SystemInputSchema,
  SystemListSchema,
  SystemSchema,
  SystemUpdateSchema,
  DeleteVersionQuerySchema,
} from '../../contracts/assessment.schema';
import { OkSchema } from '../../contracts/auth.schema';
import { createSystem } from '../../services/assessments/create-system';
import { deleteSystem } from '../../services/assessments/delete-system';
import { getSystem } from '../../services/assessments/get-system';
import { listSystems } from '../../services/assessments/list-systems';
import { updateSystem } from '../../services/assessments/update-system';
import { contextOf } from '../request-context';
import type { ServerDeps } from '../server-deps';

const tags = ['systems'];
const IdParams = Type.Object({ id: Type.String() });

/** /api/systems — the IoT systems (scopes) an organisation assesses. */
export const systemsRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  app.get(
    '/systems',
    {
      config: { access: 'systems.read' },
      schema: { tags, summary: 'IoT systems of this organisation', response: { 200: SystemListSchema } },
    },
    async (request) => ({
      systems: await listSystems(deps, { actor: request.actor }),
    }),
  );

  app.post(
    '/systems',
    {
      config: { access: 'systems.manage' },
      schema: { tags, summary: 'Add an IoT system', body: SystemInputSchema, response: { 200: SystemSchema } },
    },
    async (request) => createSystem(deps, { actor: request.actor, system: request.body, context: contextOf(request) }),
  );

  app.get(
    '/systems/:id',
    {
      config: { access: 'systems.read' },
      schema: { tags, summary: 'One IoT system', params: IdParams, response: { 200: SystemSchema } },
    },
    async (request) => getSystem(deps, { actor: request.actor, systemId: request.params.id }),
  );

  app.patch(
    '/systems/:id',
    {
      config: { access: 'systems.manage' },
      schema: {
        tags,
        summary: 'Change an IoT system (409 with the current one when your version is stale)',
        params: IdParams,
        body: SystemUpdateSchema,
        response: { 200: SystemSchema },
      },
    },
    async (request) =>
      updateSystem(deps, {
        actor: request.actor,
        systemId: request.params.id,
        changes: request.body,
        context: contextOf(request),
      }),
  );

  app.delete(
    '/systems/:id',
    {
      config: { access: 'systems.delete' },
      schema: {
        tags,
        summary: 'Delete an IoT system (with its assessments only when withAssessments=true)',
        params: IdParams,
        querystring: DeleteVersionQuerySchema,
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      await deleteSystem(deps, {
        actor: request.actor,
        systemId: request.params.id,
        version: request.query.version,
        withAssessments: request.query.withAssessments === true,
        context: contextOf(request),
      });
      return { ok: true as const };
    },
  );
};
