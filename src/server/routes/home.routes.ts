import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HomeOverviewSchema } from '../../contracts/home.schema';
import { getHomeOverview } from '../../services/home/get-home-overview';
import type { ServerDeps } from '../server-deps';

/** /api/home — the signed-in member's overview. */
export const homeRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  app.get(
    '/home',
    {
      config: { access: 'home.read' },
      schema: {
        tags: ['home'],
        summary: 'Systems with their latest score, my open items, open findings and recent activity',
        response: { 200: HomeOverviewSchema },
      },
    },
    async (request) => getHomeOverview(deps, { actor: request.actor }),
  );
};
