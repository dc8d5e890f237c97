import { useQuery, type QueryClient } from '@tanstack/react-query';
import type {
  Answer,
  AnswerUpdate,
  AssessmentDetail,
  AssessmentSummary,
  Evidence,
  Finding,
  FindingInput,
  GapList,
  IotSystem,
  ScoresResponse,
  SnapshotList,
  SystemInput,
  SystemUpdate,
} from '../../contracts/assessment.schema';
import type { Me, PeopleList } from '../../contracts/auth.schema';
import type { EvidenceLimits } from '../../contracts/evidence.schema';
import type { Problem } from '../../contracts/problem.schema';
import { ApiError, getJson, sendJson } from './api-client';
import { ME_KEY } from './auth-queries';

// Systems, assessments, answers, evidence, findings and scores over /api (see src/contracts/assessment.schema.ts).

const enc = encodeURIComponent;
const assessmentPath = (id: string) => `/api/assessments/${enc(id)}`;
const answerPath = (id: string, itemId: string) => `${assessmentPath(id)}/answers/${enc(itemId)}`;

export type AssessmentStatus = AssessmentSummary['status'];
export type Result = Answer['result'];
export type ReviewAction = 'ready' | 'accept' | 'return' | 'reopen';
export type FindingStatus = Finding['status'];
export interface AnswerHistoryEntry {
  version: number;
  changedAt: string;
  changedBy: string | null;
  before: unknown;
  after: unknown;
}

export const assessmentKeys = {
  systems: ['systems'] as const,
  list: ['assessments', 'list'] as const,
  detail: (id: string) => ['assessments', 'detail', id] as const,
  scores: (id: string) => ['assessments', 'scores', id] as const,
  snapshots: (id: string) => ['assessments', 'snapshots', id] as const,
  gaps: (id: string) => ['assessments', 'gaps', id] as const,
  findings: (id: string) => ['assessments', 'findings', id] as const,
  evidence: (id: string, itemId: string) => ['assessments', 'evidence', id, itemId] as const,
  history: (id: string, itemId: string) => ['assessments', 'history', id, itemId] as const,
};

export function useSystems() {
  return useQuery({
    queryKey: assessmentKeys.systems,
    queryFn: ({ signal }) => getJson<{ systems: IotSystem[] }>('/api/systems', signal),
  });
}

export function useAssessmentList() {
  return useQuery({
    queryKey: assessmentKeys.list,
    queryFn: ({ signal }) => getJson<{ assessments: AssessmentSummary[] }>('/api/assessments', signal),
  });
}

export function useAssessment(id: string) {
  return useQuery({
    queryKey: assessmentKeys.detail(id),
    queryFn: ({ signal }) => getJson<AssessmentDetail>(assessmentPath(id), signal),
    staleTime: 10_000,
  });
}

export function useScores(id: string) {
  return useQuery({
    queryKey: assessmentKeys.scores(id),
    queryFn: ({ signal }) => getJson<ScoresResponse>(`${assessmentPath(id)}/scores`, signal),
  });
}

export function useSnapshots(id: string) {
  return useQuery({
    queryKey: assessmentKeys.snapshots(id),
    queryFn: ({ signal }) => getJson<SnapshotList>(`${assessmentPath(id)}/snapshots`, signal),
  });
}

export function useGaps(id: string) {
  return useQuery({
    queryKey: assessmentKeys.gaps(id),
    queryFn: ({ signal }) => getJson<GapList>(`${assessmentPath(id)}/gaps`, signal),
  });
}

export function useFindings(id: string) {
  return useQuery({
    queryKey: assessmentKeys.findings(id),
    queryFn: ({ signal }) => getJson<{ findings: Finding[] }>(`${assessmentPath(id)}/findings`, signal),
  });
}

export function useItemEvidence(id: string, itemId: string) {
  return useQuery({
    queryKey: assessmentKeys.evidence(id, itemId),
    queryFn: ({ signal }) =>
      getJson<{ evidence: Evidence[] }>(`/api/evidence?assessmentId=${enc(id)}&itemId=${enc(itemId)}`, signal),
  });
}

/** The server's upload limit and accepted file types (they change only with its configuration). */
export function useEvidenceLimits() {
  return useQuery({
    queryKey: ['evidence', 'limits'],
    queryFn: ({ signal }) => getJson<EvidenceLimits>('/api/evidence/limits', signal),
    staleTime: Infinity,
  });
}

export function useAnswerHistory(id: string, itemId: string, enabled: boolean) {
  return useQuery({
    queryKey: assessmentKeys.history(id, itemId),
    queryFn: ({ signal }) => getJson<{ entries: AnswerHistoryEntry[] }>(`${answerPath(id, itemId)}/history`, signal),
    enabled,
  });
}

/** Members' names, for assignees (any reader of assessments may list them). */
export function useMemberNames(enabled: boolean) {
  return useQuery({
    queryKey: ['organisation', 'people'],
    queryFn: ({ signal }) => getJson<PeopleList>('/api/organisation/people', signal),
    enabled,
    retry: false,
    staleTime: 60_000,
  });
}

/** The answer a 409 carries: what is stored now, for the "yours or theirs" choice. */
export function conflictCurrent(error: unknown): Answer | undefined {
  if (!(error instanceof ApiError) || error.problem.code !== 'CONFLICT') return undefined;
  const current = (error.problem as Problem & { current?: Answer }).current;
  return current && typeof current === 'object' && 'itemId' in current ? current : undefined;
}

/** Posts multipart form data with the session's CSRF token (sendJson only speaks JSON). */
async function sendForm<T>(queryClient: QueryClient, path: string, form: FormData): Promise<T> {
  const csrf = queryClient.getQueryData<Me>(ME_KEY)?.csrfToken;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrf) headers['x-csrf-token'] = csrf;
  const response = await fetch(path, { method: 'POST', headers, body: form, credentials: 'same-origin' });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem = (body as Problem | undefined) ?? {
      type: 'about:blank',
      title: response.statusText,
      status: response.status,
      code: response.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INTERNAL',
      detail: response.statusText,
    };
    throw new ApiError(problem);
  }
  return body as T;
}

/** The new assessment's id from a create or copy answer (the assessment itself, or a detail wrapping it). */
function createdId(body: unknown): string {
  const record = body as { id?: unknown; assessment?: { id?: unknown } } | undefined;
  const id = record?.id ?? record?.assessment?.id;
  if (typeof id !== 'string') throw new Error('The server did not return the new assessment.');
  return id;
}

export const assessmentApi = {
  createSystem: (input: SystemInput) => sendJson<IotSystem>('POST', '/api/systems', input),
  updateSystem: (id: string, input: SystemUpdate) => sendJson<IotSystem>('PATCH', `/api/systems/${enc(id)}`, input),
  deleteSystem: (id: string, input: { version: number; withAssessments: boolean }) =>
    sendJson<unknown>(
      'DELETE',
      `/api/systems/${enc(id)}?version=${input.version}${input.withAssessments ? '&withAssessments=true' : ''}`,
    ),
  updateAssessment: (
    id: string,
    input: { version: number; title?: string; periodStart?: string | null; periodEnd?: string | null },
  ) => sendJson<unknown>('PATCH', assessmentPath(id), input),
  deleteAssessment: (id: string, version: number) =>
    sendJson<unknown>('DELETE', `${assessmentPath(id)}?version=${version}`),
  createAssessment: async (input: { systemId: string; title: string; periodStart?: string; periodEnd?: string }) =>
    createdId(await sendJson<unknown>('POST', '/api/assessments', input)),
  changeStatus: (id: string, input: { status: AssessmentStatus; version: number }) =>
    sendJson<unknown>('POST', `${assessmentPath(id)}/status`, input),
  copy: async (id: string, title?: string) =>
    createdId(await sendJson<unknown>('POST', `${assessmentPath(id)}/copy`, title ? { title } : {})),
  saveAnswer: (id: string, itemId: string, update: AnswerUpdate) =>
    sendJson<Answer>('PUT', answerPath(id, itemId), update),
  review: (id: string, itemId: string, input: { action: ReviewAction; reason?: string; version: number }) =>
    sendJson<Answer>('POST', `${answerPath(id, itemId)}/review`, input),
  uploadEvidence: (
    queryClient: QueryClient,
    input: { file: File; title: string; assessmentId: string; itemId: string },
  ) => {
    const form = new FormData();
    // Fields first: a streaming multipart parser sees them before the file.
    form.append('title', input.title);
    form.append('assessmentId', input.assessmentId);
    form.append('itemId', input.itemId);
    form.append('file', input.file, input.file.name);
    return sendForm<Evidence>(queryClient, '/api/evidence', form);
  },
  createEntry: (input: { kind: 'link' | 'text'; title: string; url?: string; body?: string }) =>
    sendJson<Evidence>('POST', '/api/evidence/entries', input),
  linkEvidence: (id: string, itemId: string, evidenceId: string) =>
    sendJson<unknown>('POST', `${answerPath(id, itemId)}/evidence`, { evidenceId }),
  unlinkEvidence: (id: string, itemId: string, evidenceId: string) =>
    sendJson<unknown>('DELETE', `${answerPath(id, itemId)}/evidence/${enc(evidenceId)}`),
  createFinding: (id: string, input: FindingInput) =>
    sendJson<Finding>('POST', `${assessmentPath(id)}/findings`, input),
  updateFinding: (findingId: string, input: { version: number; status?: FindingStatus; acceptedReason?: string }) =>
    sendJson<Finding>('PATCH', `/api/findings/${enc(findingId)}`, input),
};

export const evidenceDownloadUrl = (evidenceId: string) => `/api/evidence/${enc(evidenceId)}/download`;

/** After an answer changed: scores, gaps and the list's summaries are stale (the detail is patched in place). */
export function invalidateDerived(queryClient: QueryClient, id: string): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: assessmentKeys.scores(id) }),
    queryClient.invalidateQueries({ queryKey: assessmentKeys.gaps(id) }),
    queryClient.invalidateQueries({ queryKey: assessmentKeys.snapshots(id) }),
    queryClient.invalidateQueries({ queryKey: assessmentKeys.list }),
  ]);
}

/** Puts one saved answer into the cached detail, keeping counts the answer response may not carry. */
export function patchCachedAnswer(queryClient: QueryClient, id: string, answer: Answer): void {
  queryClient.setQueryData<AssessmentDetail>(assessmentKeys.detail(id), (detail) => {
    if (!detail) return detail;
    return {
      ...detail,
      answers: detail.answers.map((existing) =>
        existing.itemId === answer.itemId && answer.version >= existing.version
          ? {
              ...existing,
              ...answer,
              evidenceCount: answer.evidenceCount ?? existing.evidenceCount,
              openFindings: answer.openFindings ?? existing.openFindings,
            }
          : existing,
      ),
    };
  });
}
