import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { OkSchema } from '../../../contracts/auth.schema';
import {
  DataFlowInputSchema,
  DataFlowListQuerySchema,
  DataFlowListSchema,
  DataFlowSchema,
  DataFlowUpdateSchema,
} from '../../../contracts/inventory/data-flow.schema';
import { IdParamsSchema, VersionQuerySchema } from '../../../contracts/inventory/record-parts.schema';
import { createDataFlow } from '../../../services/inventory/create-data-flow';
import { deleteDataFlow } from '../../../services/inventory/delete-data-flow';
import { listDataFlows } from '../../../services/inventory/list-data-flows';
import { updateDataFlow } from '../../../services/inventory/update-data-flow';
import { contextOf } from '../../request-context';
import type { ServerDeps } from '../../server-deps';

const tags = ['inventory'];

/** /api/inventory/data-flows — who sends which data where (items 02, 17). */
export const dataFlowsRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  app.get(
    '/inventory/data-flows',
    {
      config: { access: 'inventory.read' },
      schema: {
        tags,
        summary: 'Data flows of this organisation (of one system with systemId)',
        querystring: DataFlowListQuerySchema,
        response: { 200: DataFlowListSchema },
      },
    },
    async (request) => ({
      flows: await listDataFlows(deps, {
        actor: request.actor,
        ...(request.query.systemId !== undefined ? { systemId: request.query.systemId } : {}),
      }),
    }),
  );

  app.post(
    '/inventory/data-flows',
    {
      config: { access: 'inventory.manage' },
      schema: {
        tags,
        summary: 'Add a data flow (crossesBorder defaults to: the ends are in different countries)',
        body: DataFlowInputSchema,
        response: { 200: DataFlowSchema },
      },
    },
    async (request) => createDataFlow(deps, { actor: request.actor, flow: request.body, context: contextOf(request) }),
  );

  app.patch(
    '/inventory/data-flows/:id',
    {
      config: { access: 'inventory.manage' },
      schema: {
        tags,
        summary: 'Change a data flow (409 with the current one when your version is stale)',
        params: IdParamsSchema,
        body: DataFlowUpdateSchema,
        response: { 200: DataFlowSchema },
      },
    },
    async (request) =>
      updateDataFlow(deps, {
        actor: request.actor,
        flowId: request.params.id,
        changes: request.body,
        context: contextOf(request),
      }),
  );

  app.delete(
    '/inventory/data-flows/:id',
    {
      config: { access: 'inventory.delete' },
      schema: {
        tags,
        summary: 'Delete a data flow',
        params: IdParamsSchema,
        querystring: VersionQuerySchema,
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      await deleteDataFlow(deps, {
        actor: request.actor,
        flowId: request.params.id,
        version: request.query.version,
        context: contextOf(request),
      });
      return { ok: true as const };
    },
  );
};
