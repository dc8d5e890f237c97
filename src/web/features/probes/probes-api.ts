import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type {
  DeviceProbeResultsView,
  ProbeObservationPageView,
  ProbeObservationQuery,
  ProbeRunCreatedView,
  ProbeRunCreateInput,
  ProbeRunDiffView,
  ProbeRunPageView,
  ProbeRunView,
  ProbeScopeCreateInput,
  ProbeScopeUpdateInput,
  ProbeScopeView,
  ProbeTargetPageView,
} from '../../../contracts/probes';
import type { JobView } from '../../../contracts/report.schema';
import { getJson, sendJson } from '../../api/api-client';

const enc = encodeURIComponent;

/** Query keys: everything under `probes`, so a new scope or a finished run refreshes what depends on it. */
export const probeKeys = {
  all: ['probes'] as const,
  scopes: (archived: boolean) => ['probes', 'scopes', archived] as const,
  scope: (id: string) => ['probes', 'scope', id] as const,
  runs: (scopeId: string) => ['probes', 'runs', scopeId] as const,
  run: (id: string) => ['probes', 'run', id] as const,
  targets: (runId: string, offset: number) => ['probes', 'targets', runId, offset] as const,
  observations: (runId: string, query: string) => ['probes', 'observations', runId, query] as const,
  diff: (runId: string) => ['probes', 'diff', runId] as const,
  device: (deviceId: string) => ['probes', 'device', deviceId] as const,
};

/** The organisation's scopes (archived ones too when asked). */
export function useScopes(archived = false) {
  return useQuery({
    queryKey: probeKeys.scopes(archived),
    queryFn: ({ signal }) =>
      getJson<{ scopes: ProbeScopeView[] }>(`/api/probes/scopes${archived ? '?archived=true' : ''}`, signal),
  });
}

/** One scope, for its edit form; off for a new one. */
export function useScope(id: string | null) {
  return useQuery({
    queryKey: probeKeys.scope(id ?? ''),
    queryFn: ({ signal }) => getJson<ProbeScopeView>(`/api/probes/scopes/${enc(id ?? '')}`, signal),
    enabled: id !== null,
  });
}

/** A change to scopes; every probe view is refreshed afterwards. */
function useProbeMutation<TInput, TResult>(send: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: probeKeys.all }),
  });
}

export function useCreateScope() {
  return useProbeMutation((input: ProbeScopeCreateInput) =>
    sendJson<ProbeScopeView>('POST', '/api/probes/scopes', input),
  );
}

export function useUpdateScope(id: string) {
  return useProbeMutation((input: ProbeScopeUpdateInput) =>
    sendJson<ProbeScopeView>('PATCH', `/api/probes/scopes/${enc(id)}`, input),
  );
}

export function useArchiveScope() {
  return useProbeMutation((scope: Pick<ProbeScopeView, 'id' | 'version'>) =>
    sendJson<ProbeScopeView>('POST', `/api/probes/scopes/${enc(scope.id)}/archive`, { version: scope.version }),
  );
}

/** The latest runs, newest first (of one scope when given). */
export function useRuns(scopeId = '') {
  return useQuery({
    queryKey: probeKeys.runs(scopeId),
    queryFn: ({ signal }) =>
      getJson<ProbeRunPageView>(`/api/probes/runs?limit=20${scopeId ? `&scopeId=${enc(scopeId)}` : ''}`, signal),
  });
}

/**
 * Plans a run (`dryRun: true`, nothing is sent) or starts it. Both answer with the plan; a real
 * run also with the run and its job.
 */
export function useStartRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProbeRunCreateInput) => sendJson<ProbeRunCreatedView>('POST', '/api/probes/runs', input),
    onSuccess: (created) => {
      if (created.run) void queryClient.invalidateQueries({ queryKey: ['probes', 'runs'] });
    },
  });
}

const isLive = (run: ProbeRunView | undefined) => run?.status === 'queued' || run?.status === 'running';

/**
 * A run, polled every second while it is queued or running. When it ends, its targets, diff and
 * every device and evidence view are refreshed (the results just landed).
 */
export function useRun(id: string) {
  const queryClient = useQueryClient();
  const run = useQuery({
    queryKey: probeKeys.run(id),
    queryFn: ({ signal }) => getJson<ProbeRunView>(`/api/probes/runs/${enc(id)}`, signal),
    refetchInterval: (query) => (!query.state.data || isLive(query.state.data) ? 1000 : false),
  });
  const ended = run.data !== undefined && !isLive(run.data);
  useEffect(() => {
    if (!ended) return;
    void queryClient.invalidateQueries({
      predicate: (query) =>
        (query.queryKey[0] === 'probes' && query.queryKey[1] !== 'run') || query.queryKey[0] === 'vulnerabilities',
    });
  }, [ended, queryClient]);
  return { ...run, isLive: run.data ? isLive(run.data) : false };
}

/** Cancels a queued or running run through its job (the run keeps what it found so far). */
export function useCancelRun(run: Pick<ProbeRunView, 'id' | 'jobId'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson<JobView>('POST', `/api/jobs/${enc(run.jobId)}/cancel`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: probeKeys.run(run.id) }),
  });
}

/** Targets of a run, one page at `offset`; `enabled` waits for the run to have results. */
export function useRunTargets(runId: string, offset: number, limit: number, enabled: boolean) {
  return useQuery({
    queryKey: probeKeys.targets(runId, offset),
    queryFn: ({ signal }) =>
      getJson<ProbeTargetPageView>(`/api/probes/runs/${enc(runId)}/targets?limit=${limit}&offset=${offset}`, signal),
    enabled,
    placeholderData: (previous) => previous,
  });
}

/** Builds the query text of an observation filter (stable order, so it is also a cache key). */
export function observationQueryText(query: ProbeObservationQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query).sort(([a], [b]) => a.localeCompare(b))) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  return params.toString();
}

/** Observations of a run under a filter (an address, an item, a result). */
export function useRunObservations(runId: string, query: ProbeObservationQuery, enabled = true) {
  const text = observationQueryText(query);
  return useQuery({
    queryKey: probeKeys.observations(runId, text),
    queryFn: ({ signal }) =>
      getJson<ProbeObservationPageView>(`/api/probes/runs/${enc(runId)}/observations?${text}`, signal),
    enabled,
  });
}

/** What changed since the previous run of the same scope. */
export function useRunDiff(runId: string, enabled: boolean) {
  return useQuery({
    queryKey: probeKeys.diff(runId),
    queryFn: ({ signal }) => getJson<ProbeRunDiffView>(`/api/probes/runs/${enc(runId)}/diff`, signal),
    enabled,
  });
}

/** The latest observation per check and port of one device (the device page's tab). */
export function useDeviceProbeResults(deviceId: string) {
  return useQuery({
    queryKey: probeKeys.device(deviceId),
    queryFn: ({ signal }) =>
      getJson<DeviceProbeResultsView>(`/api/inventory/devices/${enc(deviceId)}/probe-results`, signal),
  });
}
