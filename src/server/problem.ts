import type { FastifyError } from 'fastify';
import { isDomainError, type ErrorCode, type ProblemDetail } from '../core/domain-error';
import type { Problem } from '../contracts/problem.schema';

/** The one table from error code to HTTP status. Adding a code without a status fails typecheck. */
export const HTTP_STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  OWNER_ONLY: 403,
  REAUTHENTICATION_REQUIRED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  TOTP_MANDATORY: 403,
  NOT_FOUND: 404,
  CATALOG_NODE_NOT_FOUND: 404,
  FRAMEWORK_NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  CONFIG_INVALID: 500,
  CATALOG_INVALID: 500,
  INTERNAL: 500,
  AUDIT_CHAIN_BROKEN: 500,
  DATABASE_UNAVAILABLE: 503,
};

const TITLE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Builds the RFC 9457 body for a code; only safe text goes in `detail`. */
export function buildProblem(
  code: ErrorCode,
  status: number,
  detail: string,
  errors: readonly ProblemDetail[] = [],
): Problem {
  return {
    type: `https://iotcheck.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: TITLE_BY_STATUS[status] ?? 'Error',
    status,
    code,
    detail,
    ...(errors.length > 0 ? { errors: [...errors] } : {}),
  };
}

function codeForFastifyStatus(status: number): ErrorCode {
  if (status === 404) return 'NOT_FOUND';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  return 'VALIDATION_FAILED';
}

/**
 * Maps anything thrown while handling a request to a problem. Unknown errors become a bare 500:
 * their message and stack stay in the log, never in the response.
 */
export function toProblem(error: unknown): Problem {
  if (isDomainError(error)) {
    return {
      ...error.extensions,
      ...buildProblem(error.code, HTTP_STATUS_BY_CODE[error.code], error.message, error.details),
    };
  }
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.validation) {
    const errors = fastifyError.validation.map((issue) => {
      const where = `${fastifyError.validationContext ?? 'body'}${issue.instancePath || ''}`;
      const unknown = issue.keyword === 'additionalProperties' ? issue.params['additionalProperty'] : undefined;
      return typeof unknown === 'string'
        ? { path: `${where}/${unknown}`, reason: 'is not a field of this request' }
        : { path: where, reason: issue.message ?? 'is invalid' };
    });
    return buildProblem('VALIDATION_FAILED', 400, 'The request is not valid.', errors);
  }
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    return buildProblem(codeForFastifyStatus(status), status, fastifyError.message ?? 'The request was refused.');
  }
  return buildProblem('INTERNAL', 500, 'An unexpected error occurred. It has been logged.');
}
