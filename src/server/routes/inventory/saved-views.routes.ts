import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { OkSchema } from '../../../contracts/auth.schema';
import {
  SavedViewInputSchema,
  SavedViewListSchema,
  SavedViewSchema,
} from '../../../contracts/inventory/saved-view.schema';
import { createSavedView, deleteSavedView, listSavedViews } from '../../../services/inventory/manage-saved-views';
import { contextOf } from '../../request-context';
import type { ServerDeps } from '../../server-deps';

const tags = ['inventory'];

/** /api/inventory/views — saved device-list queries (own and shared). */
export const savedViewRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  app.get(
    '/inventory/views',
    {
      config: { access: 'inventory.read' },
      schema: { tags, summary: 'Your saved views and the shared ones', response: { 200: SavedViewListSchema } },
    },
    async (request) => listSavedViews(deps, { actor: request.actor }),
  );

  app.post(
    '/inventory/views',
    {
      config: { access: 'inventory.manage' },
      schema: {
        tags,
        summary: 'Save a device-list query',
        body: SavedViewInputSchema,
        response: { 200: SavedViewSchema },
      },
    },
    async (request) =>
      createSavedView(deps, {
        actor: request.actor,
        name: request.body.name,
        query: request.body.query,
        shared: request.body.shared,
        context: contextOf(request),
      }),
  );

  app.delete(
    '/inventory/views/:id',
    {
      config: { access: 'inventory.manage' },
      schema: {
        tags,
        summary: 'Delete a saved view (yours or a shared one)',
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      await deleteSavedView(deps, { actor: request.actor, viewId: request.params.id, context: contextOf(request) });
      return { ok: true as const };
    },
  );
};
