import { useQuery, useQueryClient, useMutation } from '@tanstack/react-query';
import type { JobView } from '../../../contracts/report.schema';
import type { ReportKind } from '../../../core/reports/report-kinds';
import { getJson, sendJson } from '../../api/api-client';

const enc = encodeURIComponent;

export const reportKeys = { ofAssessment: (id: string) => ['reports', id] as const };

const isLive = (job: JobView) => job.status === 'queued' || job.status === 'running';

/** The assessment's recent report jobs; polled every second while one is still queued or running. */
export function useReportJobs(assessmentId: string) {
  return useQuery({
    queryKey: reportKeys.ofAssessment(assessmentId),
    queryFn: ({ signal }) => getJson<{ jobs: JobView[] }>(`/api/assessments/${enc(assessmentId)}/reports`, signal),
    refetchInterval: (query) => (query.state.data?.jobs.some(isLive) ? 1000 : false),
  });
}

export interface ReportRequest {
  readonly kind: ReportKind;
  readonly language: 'ja' | 'en';
  readonly detailed?: boolean;
}

/** Asks for a report, and for cancelling one; both refresh the job list. */
export function useReportActions(assessmentId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: reportKeys.ofAssessment(assessmentId) });
  const request = useMutation({
    mutationFn: (input: ReportRequest) =>
      sendJson<JobView>('POST', `/api/assessments/${enc(assessmentId)}/reports`, input),
    onSuccess: refresh,
  });
  const cancel = useMutation({
    mutationFn: (job: JobView) => sendJson<JobView>('POST', `/api/jobs/${enc(job.id)}/cancel`),
    onSuccess: refresh,
  });
  return { request, cancel };
}
