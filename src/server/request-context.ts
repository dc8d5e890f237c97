import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../services/auth/account-deps';

/** The audit facts of a request: its id and the client's address. */
export function contextOf(request: FastifyRequest): RequestContext {
  return { requestId: request.id, clientAddress: request.ip };
}
