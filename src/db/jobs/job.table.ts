/** One background job (see migration 20261203-0001-jobs). */
export interface JobTable {
  id: string;
  organisation_id: string;
  kind: string;
  /** JSON object: what the job's handler needs (assessment id, language, …). */
  params: string;
  subject_type: string;
  subject_id: string;
  status: string;
  /** Thousandths of the work done. */
  progress: number;
  attempts: number;
  max_attempts: number;
  requested_by: string;
  locked_by: string | null;
  lease_until: string | null;
  result_name: string | null;
  result_media_type: string | null;
  result_bytes: number | null;
  error_code: string | null;
  error_message: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}
