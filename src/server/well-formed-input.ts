import type { FastifyRequest } from 'fastify';
import { DomainError } from '../core/domain-error';
import { findIllFormedText } from '../core/text/well-formed-text';

/**
 * A preValidation hook for every route: refuses a request whose body, path parameters or query hold
 * text with an unpaired UTF-16 surrogate (JSON allows `"\ud800"`). Such text has no exact UTF-8
 * form, so what a database stores would differ from what was checked, hashed or shown.
 */
export async function refuseIllFormedText(request: FastifyRequest): Promise<void> {
  const paths = [
    ...findIllFormedText(request.params).map((path) => `params/${path}`),
    ...findIllFormedText(request.query).map((path) => `querystring/${path}`),
    ...findIllFormedText(request.body).map((path) => `body/${path}`),
  ];
  if (paths.length === 0) return;
  throw new DomainError(
    'VALIDATION_FAILED',
    'The request contains text that is not well-formed Unicode.',
    paths.map((path) => ({ path, reason: 'contains an unpaired surrogate (ill-formed Unicode text)' })),
  );
}
