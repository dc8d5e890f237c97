import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HealthSchema, ReadinessSchema } from '../../contracts/health.schema';
import { ProblemSchema } from '../../contracts/problem.schema';
import { checkReadiness } from '../../services/check-readiness';
import { getHealth } from '../../services/get-health';
import type { ServerDeps } from '../server-deps';

/** A load balancer's check must be quick; a database slower than this takes the server out of rotation. */
const READY_TIMEOUT_MS = 2_000;

/**
 * GET /api/health — liveness (never touches the database: a restart would not help a database
 * outage). GET /api/ready — readiness: database reachable and migrations current, else 503.
 */
export const healthRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  app.get(
    '/health',
    {
      schema: { tags: ['system'], summary: 'Liveness: the server process answers', response: { 200: HealthSchema } },
      config: { access: 'public' },
    },
    async () => getHealth(deps),
  );
  app.get(
    '/ready',
    {
      schema: {
        tags: ['system'],
        summary: 'Readiness: the database answers and its migrations are current (503 naming which is not)',
        response: { 200: ReadinessSchema, 503: ProblemSchema },
      },
      config: { access: 'public' },
    },
    async () => checkReadiness(deps, { timeoutMs: READY_TIMEOUT_MS }),
  );
};
