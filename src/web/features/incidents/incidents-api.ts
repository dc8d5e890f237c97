import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JobView } from '../../../contracts/report.schema';
import { getJson, sendJson } from '../../api/api-client';
import type { ForwardStatus } from './incident-model';
import type {
  FiguresResponse,
  IncidentDetail,
  LessonListView,
  IncidentLink,
  IncidentStatus,
  IncidentSummary,
  LessonInput,
  NotificationKind,
  Playbook,
  PlaybookInput,
  Severity,
  VendorNotification,
} from './incident-types';

// Incidents, playbooks and drills over /api/incidents and /api/playbooks (BRIEF-INCIDENTS "API").

const enc = encodeURIComponent;
const incidentPath = (id: string) => `/api/incidents/${enc(id)}`;

export interface IncidentFilter {
  readonly status?: IncidentStatus | '';
  readonly severity?: Severity | '';
  readonly systemId?: string;
  readonly drill?: 'true' | 'false' | '';
}

export const incidentKeys = {
  all: ['incidents'] as const,
  list: (filter: IncidentFilter) => ['incidents', 'list', filter] as const,
  detail: (id: string) => ['incidents', 'detail', id] as const,
  figures: ['incidents', 'figures'] as const,
  vendor: (id: string, language: string) => ['incidents', 'vendor', id, language] as const,
  jobs: (id: string) => ['incidents', 'jobs', id] as const,
  pendingLessons: (itemId: string) => ['incidents', 'lessons', itemId] as const,
  playbooks: ['playbooks'] as const,
};

/** The organisation's incidents under a filter (empty values are left out of the query). */
export function useIncidents(filter: IncidentFilter) {
  const params = new URLSearchParams(
    Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  return useQuery({
    queryKey: incidentKeys.list(filter),
    queryFn: ({ signal }) =>
      getJson<{ incidents: IncidentSummary[] }>(`/api/incidents${params.size > 0 ? `?${params}` : ''}`, signal),
    placeholderData: (previous) => previous,
  });
}

export function useIncident(id: string) {
  return useQuery({
    queryKey: incidentKeys.detail(id),
    queryFn: ({ signal }) => getJson<IncidentDetail>(incidentPath(id), signal),
  });
}

export function useIncidentFigures() {
  return useQuery({
    queryKey: incidentKeys.figures,
    queryFn: ({ signal }) => getJson<FiguresResponse>('/api/incidents/figures', signal),
  });
}

/** The vendor notifications rendered by the server, one per manufacturer of the affected devices. */
export function useVendorNotifications(id: string, language: 'ja' | 'en') {
  return useQuery({
    queryKey: incidentKeys.vendor(id, language),
    queryFn: ({ signal }) =>
      getJson<{ notifications: VendorNotification[] }>(
        `${incidentPath(id)}/notifications/vendor?lang=${language}`,
        signal,
      ).then((answer) => answer.notifications),
  });
}

/** A lesson not yet carried into an assessment, with the incident it came from. */
export type PendingLesson = LessonListView['lessons'][number];

/** Lessons learned about one checksheet item that still wait for the system's next assessment. */
export function usePendingLessons(itemId: string, enabled: boolean) {
  return useQuery({
    queryKey: incidentKeys.pendingLessons(itemId),
    queryFn: ({ signal }) =>
      getJson<LessonListView>(`/api/incident-lessons?itemId=${enc(itemId)}&pending=true`, signal),
    enabled,
  });
}

export function usePlaybooks() {
  return useQuery({
    queryKey: incidentKeys.playbooks,
    queryFn: ({ signal }) => getJson<{ playbooks: Playbook[] }>('/api/playbooks', signal),
  });
}

const isLive = (job: JobView) => job.status === 'queued' || job.status === 'running';

/** The incident's report jobs requested in this page, polled while one is still running. */
export function useIncidentJob(job: JobView | undefined) {
  return useQuery({
    queryKey: ['jobs', job?.id ?? ''],
    queryFn: ({ signal }) => getJson<JobView>(`/api/jobs/${enc(job?.id ?? '')}`, signal),
    enabled: job !== undefined,
    initialData: job,
    refetchInterval: (query) => (query.state.data && isLive(query.state.data) ? 1000 : false),
  });
}

export const incidentApi = {
  create: (input: {
    title: string;
    description: string;
    severity: Severity;
    detectedAt: string;
    occurredAt?: string;
    systemIds: string[];
    deviceIds: number[];
  }) => sendJson<IncidentDetail>('POST', '/api/incidents', input),
  update: (id: string, input: { title?: string; description?: string; severity?: Severity; expectedVersion: number }) =>
    sendJson<IncidentDetail>('PATCH', incidentPath(id), input),
  changeStatus: (id: string, input: { status: ForwardStatus; note?: string; expectedVersion: number }) =>
    sendJson<IncidentDetail>('POST', `${incidentPath(id)}/status`, input),
  reopen: (id: string, input: { note?: string; expectedVersion: number }) =>
    sendJson<IncidentDetail>('POST', `${incidentPath(id)}/reopen`, input),
  addEntry: (id: string, input: { kind: 'note' | 'decision' | 'correction'; body: string; correctsSeq?: number }) =>
    sendJson<unknown>('POST', `${incidentPath(id)}/timeline`, input),
  addDevices: (id: string, deviceIds: number[]) =>
    sendJson<unknown>('POST', `${incidentPath(id)}/devices`, { deviceIds }),
  addEvidence: (id: string, evidenceId: string) =>
    sendJson<unknown>('POST', `${incidentPath(id)}/evidence`, { evidenceId }),
  addLink: (id: string, link: IncidentLink) => sendJson<unknown>('POST', `${incidentPath(id)}/links`, link),
  close: (id: string, input: { lessons: LessonInput[]; note?: string; expectedVersion: number }) =>
    sendJson<IncidentDetail>('POST', `${incidentPath(id)}/close`, input),
  recordNotification: (
    id: string,
    input: { kind: NotificationKind; manufacturer?: string; recipient?: string; subject: string; body: string },
  ) => sendJson<unknown>('POST', `${incidentPath(id)}/notifications`, input),
  recordStep: (id: string, index: number, input: { outcome: 'started' | 'done' | 'failed'; note?: string }) =>
    sendJson<unknown>('POST', `${incidentPath(id)}/steps/${index}`, input),
  requestPdf: (id: string, language: 'ja' | 'en') =>
    sendJson<JobView>('POST', `${incidentPath(id)}/reports`, { kind: 'incident-pdf', language }),
  timelineCsvUrl: (id: string) => `${incidentPath(id)}/timeline.csv`,
  createPlaybook: (input: PlaybookInput) => sendJson<Playbook>('POST', '/api/playbooks', input),
  replacePlaybook: (id: string, input: PlaybookInput & { expectedVersion: number }) =>
    sendJson<Playbook>('PUT', `/api/playbooks/${enc(id)}`, input),
  deletePlaybook: (playbook: Playbook) =>
    sendJson<unknown>('DELETE', `/api/playbooks/${enc(playbook.id)}?version=${playbook.version}`),
  startDrill: (playbookId: string) => sendJson<IncidentDetail>('POST', `/api/playbooks/${enc(playbookId)}/drills`, {}),
};

/** A change to incidents: every incident query is stale afterwards (lists, detail, figures). */
export function useIncidentMutation<TInput, TResult>(send: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: incidentKeys.all }),
        queryClient.invalidateQueries({ queryKey: incidentKeys.playbooks }),
      ]),
  });
}
