import type { Problem } from '../../contracts/problem.schema';

/** A failed API call, carrying the server's problem body. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

/** GETs JSON from the API; non-2xx answers become ApiError with the problem body. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' }, signal: signal ?? null });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem = (body as Problem | undefined) ?? { type: 'about:blank', title: response.statusText, status: response.status, code: 'INTERNAL', detail: response.statusText };
    throw new ApiError(problem);
  }
  return body as T;
}
