import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildProblem } from '../problem';
import type { ServerMetrics } from './server-metrics';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** True when `Authorization: Bearer <token>` names the configured token (compared in constant time). */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer (\S+)$/i.exec(header ?? '')?.[1];
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}

/**
 * GET /metrics — Prometheus text for a scraper holding METRICS_TOKEN as a bearer token. Outside
 * /api and the OpenAPI document: it is for operators, not API clients, and it checks its own
 * token instead of a user's session. Without METRICS_TOKEN the endpoint does not exist (404).
 */
export function registerMetricsRoute(app: FastifyInstance, metrics: ServerMetrics | undefined, token?: string): void {
  app.get(
    '/metrics',
    { schema: { hide: true }, config: { access: 'public', ownCredentials: true } },
    async (request, reply) => {
      if (!metrics || token === undefined) {
        return reply
          .status(404)
          .type('application/problem+json')
          .send(buildProblem('NOT_FOUND', 404, 'Metrics are off: set METRICS_TOKEN to turn them on.'));
      }
      if (!bearerMatches(request.headers.authorization, token)) {
        return reply
          .status(401)
          .header('www-authenticate', 'Bearer realm="metrics"')
          .type('application/problem+json')
          .send(buildProblem('UNAUTHENTICATED', 401, 'GET /metrics needs the METRICS_TOKEN as a bearer token.'));
      }
      const text = await metrics.registry.metrics();
      return reply.header('cache-control', 'no-store').type(metrics.registry.contentType).send(text);
    },
  );
}
