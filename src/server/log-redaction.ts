import type { FastifyRequest } from 'fastify';

// A questionnaire link carries its secret in the page path (/questionnaires/respond/<token>); the
// request log must not keep it, also when it rides in a sign-in page's `next=`.
const QUESTIONNAIRE_LINK = /((?:\/|%2F)questionnaires(?:\/|%2F)respond(?:\/|%2F))[^/?#&%]+/gi;

/** The URL as the log shows it: questionnaire link tokens replaced by `[redacted]`. */
export function redactUrl(url: string): string {
  return url.replace(QUESTIONNAIRE_LINK, '$1[redacted]');
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
