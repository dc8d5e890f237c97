import { useQuery } from '@tanstack/react-query';
import type { DataFlowInputBody, DataFlowView } from '../../../contracts/inventory/data-flow.schema';
import { getJson, sendJson } from '../../api/api-client';

const enc = encodeURIComponent;

/** Query key of the flows of one system. */
export const dataFlowKeys = {
  ofSystem: (systemId: string) => ['inventory', 'data-flows', { systemId }] as const,
};

/** The data flows recorded for a system, ends labelled. */
export function useSystemDataFlows(systemId: string) {
  return useQuery({
    queryKey: dataFlowKeys.ofSystem(systemId),
    queryFn: ({ signal }) =>
      getJson<{ flows: DataFlowView[] }>(`/api/inventory/data-flows?systemId=${enc(systemId)}`, signal),
  });
}

export const dataFlowApi = {
  create: (input: DataFlowInputBody) => sendJson<DataFlowView>('POST', '/api/inventory/data-flows', input),
  remove: (flow: DataFlowView) =>
    sendJson<{ ok: true }>('DELETE', `/api/inventory/data-flows/${enc(flow.id)}?version=${flow.version}`),
};
