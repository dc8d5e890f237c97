import { useQuery } from '@tanstack/react-query';
import type { ProviderInputBody, ProviderUpdateBody, ProviderView } from '../../../contracts/inventory/provider.schema';
import { getJson, sendJson } from '../../api/api-client';

const enc = encodeURIComponent;

/** Query keys of providers: all of them, or those of one system. */
export const providerKeys = {
  all: ['inventory', 'providers'] as const,
  ofSystem: (systemId: string) => ['inventory', 'providers', { systemId }] as const,
};

/** The organisation's providers (of one system: those maintaining its devices). */
export function useProviders(systemId?: string) {
  return useQuery({
    queryKey: systemId === undefined ? providerKeys.all : providerKeys.ofSystem(systemId),
    queryFn: ({ signal }) =>
      getJson<{ providers: ProviderView[] }>(
        `/api/inventory/providers${systemId === undefined ? '' : `?systemId=${enc(systemId)}`}`,
        signal,
      ),
  });
}

export const providerApi = {
  create: (input: ProviderInputBody) => sendJson<ProviderView>('POST', '/api/inventory/providers', input),
  update: (id: string, input: ProviderUpdateBody) =>
    sendJson<ProviderView>('PATCH', `/api/inventory/providers/${enc(id)}`, input),
  remove: (provider: ProviderView) =>
    sendJson<{ ok: true }>('DELETE', `/api/inventory/providers/${enc(provider.id)}?version=${provider.version}`),
};
