import { DomainError, type ErrorCode } from '../core/domain-error';
import { EXIT_CODE_BY_ERROR } from './exit-codes';

/** A running iotcheck server, called with a personal API token (`--server URL --token-file F`). */
export interface RemoteClient {
  getJson<T>(path: string): Promise<T>;
  getText(path: string): Promise<string>;
}

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && code in EXIT_CODE_BY_ERROR;
}

/** Problems from the server become the same DomainErrors (and exit codes) as local runs. */
export function createRemoteClient(server: string, token: string): RemoteClient {
  const base = new URL(server.endsWith('/') ? server : `${server}/`);
  const call = async (path: string, accept: string): Promise<Response> => {
    let response: Response;
    try {
      response = await fetch(new URL(path.replace(/^\//, ''), base), {
        headers: { authorization: `Bearer ${token}`, accept },
      });
    } catch (error) {
      throw new DomainError('DATABASE_UNAVAILABLE', `Cannot reach ${base.origin}: ${(error as Error).message}`);
    }
    if (!response.ok) {
      const problem = (await response.json().catch(() => ({}))) as {
        code?: unknown;
        detail?: string;
        errors?: { reason: string }[];
      };
      throw new DomainError(
        isErrorCode(problem.code) ? problem.code : 'INTERNAL',
        problem.detail ?? `${response.status} ${response.statusText}`,
        problem.errors ?? [],
      );
    }
    return response;
  };
  return {
    getJson: async <T>(path: string) => (await call(path, 'application/json')).json() as Promise<T>,
    getText: async (path) => (await call(path, '*/*')).text(),
  };
}
