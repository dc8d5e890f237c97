import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HealthSchema } from '../../contracts/health.schema';
import { getHealth } from '../../services/get-health';
import type { ServerDeps } from '../server-deps';

/** GET /api/health — liveness, version, database kind and migration state. */
export const healthRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  app.get(
    '/health',
    {
      schema: { tags: ['system'], summary: 'Health of the server and its database', response: { 200: HealthSchema } },
      config: { access: 'public' },
    },
    async () => getHealth(deps),
  );
};
