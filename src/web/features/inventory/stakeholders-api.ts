import { useQuery } from '@tanstack/react-query';
import type { StakeholderInputBody, StakeholderView } from '../../../contracts/inventory/stakeholder.schema';
import { getJson, sendJson } from '../../api/api-client';

const enc = encodeURIComponent;

/** Query key of the stakeholders of one scope. */
export const stakeholderKeys = {
  ofScope: (scopeKind: string, scopeId: string | null) =>
    ['inventory', 'stakeholders', { scopeKind, scopeId }] as const,
};

/** The stakeholders of a system (scope 'system') or of the whole organisation (scopeId null). */
export function useStakeholders(scopeKind: 'system' | 'organisation', scopeId: string | null) {
  return useQuery({
    queryKey: stakeholderKeys.ofScope(scopeKind, scopeId),
    queryFn: ({ signal }) =>
      getJson<{ stakeholders: StakeholderView[] }>(
        `/api/inventory/stakeholders?scopeKind=${scopeKind}${scopeId === null ? '' : `&scopeId=${enc(scopeId)}`}`,
        signal,
      ),
  });
}

export const stakeholderApi = {
  create: (input: StakeholderInputBody) => sendJson<StakeholderView>('POST', '/api/inventory/stakeholders', input),
  remove: (stakeholder: StakeholderView) =>
    sendJson<{ ok: true }>(
      'DELETE',
      `/api/inventory/stakeholders/${enc(stakeholder.id)}?version=${stakeholder.version}`,
    ),
};
