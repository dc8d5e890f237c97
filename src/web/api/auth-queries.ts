import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../contracts/auth.schema';
import { getJson, sendJson, setCsrfToken } from './api-client';

export const ME_KEY = ['auth', 'me'] as const;

/** The signed-in user (or `authenticated: false`); also keeps the CSRF token for later calls. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async ({ signal }) => {
      const me = await getJson<Me>('/api/auth/me', signal);
      setCsrfToken(me.csrfToken);
      return me;
    },
    staleTime: 30_000,
  });
}

/** A state change that refreshes everything afterwards (who I am, my organisation, lists). */
export function useApiMutation<TInput, TResult>(send: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => queryClient.invalidateQueries() });
}

export const authApi = {
  setup: (input: { email: string; password: string; displayName?: string; organisationName: string }) =>
    sendJson<{ status: string }>('POST', '/api/auth/setup', input),
  login: (input: { email: string; password: string }) =>
    sendJson<{ status: 'signed_in' | 'second_factor_required' }>('POST', '/api/auth/login', input),
  loginTotp: (input: { code: string }) => sendJson<{ status: string }>('POST', '/api/auth/login/totp', input),
  logout: () => sendJson<{ ok: true }>('POST', '/api/auth/logout'),
  switchOrganisation: (organisationId: string) =>
    sendJson<{ ok: true }>('POST', '/api/account/organisation', { organisationId }),
};
