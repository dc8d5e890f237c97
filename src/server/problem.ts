import type { FastifyError } from 'fastify';
import { isDomainError, type ErrorCode, type ProblemDetail, type ReasonCode } from '../core/domain-error';
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
  SYSTEM_HAS_ASSESSMENTS: 409,
  LAST_OWNER: 409,
  ASSESSMENT_CLOSED: 409,
  SELF_APPROVAL: 403,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  CONFIG_INVALID: 500,
  CATALOG_INVALID: 500,
  INTERNAL: 500,
  AUDIT_CHAIN_BROKEN: 500,
  DATABASE_UNAVAILABLE: 503,
  STORAGE_FULL: 507,
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
  507: 'Insufficient Storage',
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

interface SchemaIssue {
  keyword?: string;
  instancePath?: string;
  params?: Record<string, unknown>;
  message?: string;
}

/**
 * A schema validator's issue as a located detail: the top-level field it concerns (the missing
 * property for `required`) and a reason code a client can translate, with the limit it names.
 */
export function locateSchemaIssue(context: string, issue: SchemaIssue): ProblemDetail {
  const params = issue.params ?? {};
  const missing = issue.keyword === 'required' && typeof params.missingProperty === 'string';
  const extra = issue.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string';
  const pointer = issue.instancePath ?? '';
  const field = missing
    ? `${pointer.slice(1)}${pointer ? '/' : ''}${String(params.missingProperty)}`
    : extra
      ? String(params.additionalProperty)
      : pointer.slice(1);
  const limit = typeof params.limit === 'number' ? params.limit : undefined;
  const code = schemaReasonCode(issue.keyword, limit);
  return {
    // An unknown field is named in the path itself: `body/actor` "is not a field of this request".
    path: extra ? `${context}${pointer}/${String(params.additionalProperty)}` : `${context}${pointer}`,
    ...(field ? { field: field.split('/')[0] } : {}),
    reason: extra ? 'is not a field of this request' : (issue.message ?? 'is invalid'),
    code,
    ...(limit !== undefined && (code === 'min_length' || code === 'max_length') ? { params: { limit } } : {}),
  };
}

function schemaReasonCode(keyword: string | undefined, limit: number | undefined): ReasonCode {
  switch (keyword) {
    case 'required':
      return 'missing';
    case 'minLength':
      return limit === 1 ? 'blank' : 'min_length';
    case 'maxLength':
      return 'max_length';
    case 'pattern':
    case 'format':
      return 'bad_format';
    case 'enum':
    case 'const':
    case 'anyOf':
      return 'not_allowed_value';
    case 'additionalProperties':
      return 'unexpected_field';
    default:
      return 'invalid_value';
  }
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
    const context = fastifyError.validationContext ?? 'body';
    const errors = fastifyError.validation.map((issue) => locateSchemaIssue(context, issue));
    return buildProblem('VALIDATION_FAILED', 400, 'The request is not valid.', errors);
  }
  const bodyReason = unreadableBodyReason(fastifyError.code);
  if (bodyReason) {
    return buildProblem('VALIDATION_FAILED', 400, 'The request body is not valid JSON.', [
      { path: 'body', reason: bodyReason, code: 'bad_format' },
    ]);
  }
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    return buildProblem(codeForFastifyStatus(status), status, fastifyError.message ?? 'The request was refused.');
  }
  if (isDatabaseUnavailable(error)) {
    return buildProblem('DATABASE_UNAVAILABLE', 503, 'The database is not reachable right now. Try again shortly.');
  }
  if (isStorageFull(error)) {
    return buildProblem('STORAGE_FULL', 507, 'The server has no space left to store this. Nothing was stored.');
  }
  return buildProblem('INTERNAL', 500, 'An unexpected error occurred. It has been logged.');
}

/**
 * A full disk (ENOSPC, EDQUOT) or a full SQLite database (SQLITE_FULL): the writer that hit it has
 * already undone its work (temporary files removed, transaction rolled back), so the caller learns
 * why instead of a bare 500.
 */
export function isStorageFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
}

/**
 * SQLSTATE classes of a lost or refused database connection: 08 connection exception, 57P operator
 * intervention (shutdown, restart, starting up).
 */
const LOST_DATABASE_STATE = /^(08|57P)/;
const SOCKET_SYSCALLS = new Set(['connect', 'read', 'write']);
const SOCKET_LOSS_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE']);
/** How node-postgres reports a connection that went away under a query (these errors carry no code). */
const LOST_CONNECTION_MESSAGE =
  /^(Connection terminated|Client has encountered a connection error and is not queryable|Client was closed and is not queryable)/;

/**
 * The database went away (a PostgreSQL restart or failover, a network cut): the connection was
 * refused or dropped under the query. Nothing of the request was committed that was not
 * acknowledged, and the pool reconnects by itself, so the answer is a 503 to retry, not a bare 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, syscall } = error as { code?: unknown; syscall?: unknown };
  if (typeof code === 'string' && code.length === 5 && LOST_DATABASE_STATE.test(code)) return true;
  // A socket refused, reset or broken under a new or open pool connection while the database
  // restarts (seen as `read ECONNRESET` from pg-pool's connect). The request path reads no other
  // raw socket: outbound HTTP fails as fetch's TypeError, which carries no code.
  if (SOCKET_SYSCALLS.has(String(syscall)) && SOCKET_LOSS_CODES.has(String(code))) return true;
  return code === undefined && LOST_CONNECTION_MESSAGE.test(error.message);
}

/** Why Fastify could not parse a JSON body (so the client learns the body as a whole is at fault), if that is the error. */
function unreadableBodyReason(code: string | undefined): string | undefined {
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'not valid JSON';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'empty, but the content type says JSON';
    default:
      return undefined;
  }
}
