import type { FastifyRequest } from 'fastify';
import { DomainError } from '../core/domain-error';

/**
 * A route that declares no body schema takes no body: anything sent anyway (other than `{}`) is
 * refused with a 400 naming the fields, so no route quietly accepts input it never validated.
 * Multipart uploads are read by their route from the stream and never reach `request.body`.
 */
export function refuseUndeclaredBody(request: FastifyRequest): void {
  if (request.routeOptions.schema?.body !== undefined) return;
  const body: unknown = request.body;
  if (body === undefined || body === null) return;
  const fields = typeof body === 'object' && !Array.isArray(body) ? Object.keys(body) : [''];
  if (fields.length === 0) return;
  throw new DomainError(
    'VALIDATION_FAILED',
    'This request takes no body.',
    fields.map((field) => ({ path: field === '' ? 'body' : `body/${field}`, reason: 'is not accepted here' })),
  );
}
