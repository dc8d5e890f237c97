import type { FastifyRequest } from 'fastify';

// Links that carry their secret in the path: a questionnaire link (/questionnaires/respond/<token>)
// and an invitation (/invitations/<token>, also under /api); the request log must not keep them,
// also when they ride in a sign-in page's `next=`.
const TOKEN_IN_PATH = /((?:\/|%2F)(?:questionnaires(?:\/|%2F)respond|invitations)(?:\/|%2F))[^/?#&%]+/gi;

// Query parameters whose value is a credential or a one-time code (the OIDC callback's code and
// state, a token someone put in a link).
const SECRET_QUERY = /([?&](?:code|state|token|access_token|id_token|password|secret)=)[^&#]*/gi;

/** The URL as the log shows it: link tokens and secret query values replaced by `[redacted]`. */
export function redactUrl(url: string): string {
  return url.replace(TOKEN_IN_PATH, '$1[redacted]').replace(SECRET_QUERY, '$1[redacted]');
}

/** Fastify's request log line (method, url, host, client) with secrets taken out of the URL. */
export function serializeRequestForLog(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
