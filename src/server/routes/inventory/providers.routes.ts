import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { OkSchema } from '../../../contracts/auth.schema';
import {
  ProviderInputSchema,
  ProviderListQuerySchema,
  ProviderListSchema,
  ProviderSchema,
  ProviderUpdateSchema,
} from '../../../contracts/inventory/provider.schema';
import { IdParamsSchema, VersionQuerySchema } from '../../../contracts/inventory/record-parts.schema';
import { createProvider } from '../../../services/inventory/create-provider';
import { deleteProvider } from '../../../services/inventory/delete-provider';
import { getProvider } from '../../../services/inventory/get-provider';
import { listProviders } from '../../../services/inventory/list-providers';
import { updateProvider } from '../../../services/inventory/update-provider';
import { contextOf } from '../../request-context';
import type { ServerDeps } from '../../server-deps';

const tags = ['inventory'];

/** /api/inventory/providers — vendors, integrators and cloud services of the organisation. */
export const providersRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  app.get(
    '/inventory/providers',
    {
      config: { access: 'inventory.read' },
      schema: {
        tags,
        summary: 'Providers of this organisation (with systemId: those maintaining a device of the system)',
        querystring: ProviderListQuerySchema,
        response: { 200: ProviderListSchema },
      },
    },
    async (request) => ({
      providers: await listProviders(deps, {
        actor: request.actor,
        ...(request.query.systemId !== undefined ? { systemId: request.query.systemId } : {}),
      }),
    }),
  );

  app.post(
    '/inventory/providers',
    {
      config: { access: 'inventory.manage' },
      schema: { tags, summary: 'Add a provider', body: ProviderInputSchema, response: { 200: ProviderSchema } },
    },
    async (request) =>
      createProvider(deps, { actor: request.actor, provider: request.body, context: contextOf(request) }),
  );

  app.get(
    '/inventory/providers/:id',
    {
      config: { access: 'inventory.read' },
      schema: { tags, summary: 'One provider', params: IdParamsSchema, response: { 200: ProviderSchema } },
    },
    async (request) => getProvider(deps, { actor: request.actor, providerId: request.params.id }),
  );

  app.patch(
    '/inventory/providers/:id',
    {
      config: { access: 'inventory.manage' },
      schema: {
        tags,
        summary: 'Change a provider (409 with the current one when your version is stale)',
        params: IdParamsSchema,
        body: ProviderUpdateSchema,
        response: { 200: ProviderSchema },
      },
    },
    async (request) =>
      updateProvider(deps, {
        actor: request.actor,
        providerId: request.params.id,
        changes: request.body,
        context: contextOf(request),
      }),
  );

  app.delete(
    '/inventory/providers/:id',
    {
      config: { access: 'inventory.delete' },
      schema: {
        tags,
        summary: 'Delete a provider (devices it maintained lose the link)',
        params: IdParamsSchema,
        querystring: VersionQuerySchema,
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      await deleteProvider(deps, {
        actor: request.actor,
        providerId: request.params.id,
        version: request.query.version,
        context: contextOf(request),
      });
      return { ok: true as const };
    },
  );
};
