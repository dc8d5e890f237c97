import type { Problem } from '../../contracts/problem.schema';

/** A failed API call, carrying the server's problem body. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

let csrfToken: string | undefined;

/** Remembers the session's CSRF token (from /api/auth/me) for every state-changing call. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

async function parse<T>(response: Response): Promise<T> {
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem = (body as Problem | undefined) ?? {
      type: 'about:blank',
      title: response.statusText,
      status: response.status,
      code: 'INTERNAL',
      detail: response.statusText,
    };
    throw new ApiError(problem);
  }
  return body as T;
}

/** GETs JSON from the API; non-2xx answers become ApiError with the problem body. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return parse<T>(
    await fetch(path, { headers: { accept: 'application/json' }, signal: signal ?? null, credentials: 'same-origin' }),
  );
}

/** Sends JSON with the CSRF header; the server refuses cookie-authenticated changes without it. */
export async function sendJson<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  return parse<T>(
    await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    }),
  );
}

/** Posts multipart form data (a file upload) with the CSRF header; answers are parsed like sendJson's. */
export async function sendForm<T>(path: string, form: FormData): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  return parse<T>(await fetch(path, { method: 'POST', headers, body: form, credentials: 'same-origin' }));
}
