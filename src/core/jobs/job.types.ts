/** Where a background job is in its life. `queued` and `running` are the live states. */
export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** A job as the use cases see it. Progress is in thousandths (0–1000) so both dialects store it exactly. */
export interface Job {
  readonly id: string;
  readonly organisationId: string;
  readonly kind: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** What the job is about, e.g. `assessment` + its id: who may see the job follows from it. */
  readonly subjectType: string;
  readonly subjectId: string;
  readonly status: JobStatus;
  readonly progress: number;
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly requestedBy: string;
  readonly lockedBy: string | null;
  readonly leaseUntil: string | null;
  readonly result: { readonly fileName: string; readonly mediaType: string; readonly bytes: number } | null;
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

/** True while a job may still change: queued or running. */
export function isLiveJob(status: JobStatus): boolean {
  return status === 'queued' || status === 'running';
}

/** Clamps a reported share of work done (0–1, any number) to stored thousandths. */
export function progressPermille(fraction: number): number {
  if (!Number.isFinite(fraction)) return 0;
  return Math.round(Math.min(1, Math.max(0, fraction)) * 1000);
}

/** What a job can be about; who may see a job follows from it (see readActionOfSubject). */
export const JOB_SUBJECTS = ['assessment', 'vulnerabilities', 'incident', 'probes'] as const;
export type JobSubject = (typeof JOB_SUBJECTS)[number];
