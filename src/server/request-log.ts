import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { redactUrl } from './log-redaction';

/** Routes that load balancers and scrapers call every few seconds; logged at debug only. */
const QUIET_ROUTES: ReadonlySet<string> = new Set(['/api/health', '/api/ready', '/metrics']);

/**
 * Fastify's request logging reshaped to one JSON line per answered request: request id (bound by
 * Fastify as `requestId`), method, route pattern, URL with secrets redacted, status and duration.
 * The incoming-request line is dropped: the answered line says everything it did and more.
 */
export class RequestLogController extends LogController {
  constructor() {
    super({ requestIdLogLabel: 'requestId' });
  }

  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const route = request.routeOptions.url;
    const line = {
      method: request.method,
      route: route ?? null,
      url: redactUrl(request.url),
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) request.log.error({ ...line, err: error }, 'request errored');
    else if (route !== undefined && QUIET_ROUTES.has(route)) request.log.debug(line, 'request');
    else request.log.info(line, 'request');
  }
}
