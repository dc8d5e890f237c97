import { isDomainError } from '../../core/domain-error';
import { progressPermille, type Job } from '../../core/jobs/job.types';
import { claimNextJob, finishJobRun, renewJobLease, type JobOutcome } from '../../db/jobs/job.repository';
import { actorOfJob } from './job-actor';
import type { JobDeps } from './job-deps';
import type { JobHandlers } from './job-handler';

export interface JobRunOptions {
  /** Names this server in the queue (locked_by). */
  readonly workerId: string;
  readonly handlers: JobHandlers;
  /** How long a claim holds without renewal; renewed every third of it while the job runs. */
  readonly leaseMs: number;
  /** Aborted when this server stops: the job goes back to the queue for another server. */
  readonly stopSignal?: AbortSignal;
  readonly log?: (message: string, error?: unknown) => void;
  /** Told once per claimed job when its run ends (for the log line and metrics of job runs). */
  readonly onRunEnded?: (run: JobRunEnded) => void;
}

/** How one run of a job ended: its final or next status and, for a failure, the error code. */
export interface JobRunEnded {
  readonly jobId: string;
  readonly kind: string;
  readonly outcome: JobOutcome['status'] | 'lost';
  readonly errorCode?: string;
  readonly durationMs: number;
}

const iso = (date: Date) => date.toISOString();

/**
 * Claims one runnable job and runs it to its end: the file stored and the job succeeded; a
 * refusal (DomainError) failed with its code; an unexpected error queued again until max attempts.
 * A job cancelled (or lost to another server) while it runs is dropped with its file.
 * Resolves to 'idle' when there was nothing to run.
 */
export async function runNextJob(deps: JobDeps, options: JobRunOptions): Promise<'ran' | 'idle'> {
  const now = deps.clock();
  const job = await claimNextJob(deps.database, {
    workerId: options.workerId,
    now: iso(now),
    leaseUntil: iso(new Date(now.getTime() + options.leaseMs)),
    kinds: Object.keys(options.handlers),
  });
  if (!job) return 'idle';
  const run = { id: job.id, workerId: options.workerId };
  const startedAt = performance.now();
  let ended: JobOutcome | undefined;
  const finish = async (outcome: JobOutcome) => {
    const held = await finishJobRun(deps.database.db, { ...run, at: iso(deps.clock()) }, outcome);
    if (held) ended = outcome;
    return held;
  };
  try {
    await runOrAbandon(deps, options, job, finish);
  } finally {
    options.onRunEnded?.({
      jobId: job.id,
      kind: job.kind,
      outcome: ended?.status ?? 'lost',
      ...(ended && 'error' in ended && ended.error ? { errorCode: ended.error.code } : {}),
      durationMs: Math.round(performance.now() - startedAt),
    });
  }
  return 'ran';
}

async function runOrAbandon(
  deps: JobDeps,
  options: JobRunOptions,
  job: Job,
  finish: (outcome: JobOutcome) => Promise<boolean>,
): Promise<void> {
  if (job.attempts > job.maxAttempts) {
    await finish({
      status: 'failed',
      error: { code: 'JOB_ABANDONED', message: `Stopped after ${job.maxAttempts} attempts.` },
    });
    return;
  }
  await runClaimedJob(deps, options, job, finish);
}

async function runClaimedJob(
  deps: JobDeps,
  options: JobRunOptions,
  job: Job,
  finish: (outcome: JobOutcome) => Promise<boolean>,
): Promise<void> {
  const lost = new AbortController();
  const signal = options.stopSignal ? AbortSignal.any([lost.signal, options.stopSignal]) : lost.signal;
  let progress = 0;
  // The renewal under way, awaited at the end so a stopping server never closes the database under it.
  let renewal: Promise<void> = Promise.resolve();
  const heartbeat = setInterval(
    () => {
      const leaseUntil = iso(new Date(deps.clock().getTime() + options.leaseMs));
      renewal = renewJobLease(deps.database.db, { id: job.id, workerId: options.workerId, leaseUntil, progress }).then(
        (held) => {
          if (!held) lost.abort();
        },
        (error: unknown) => options.log?.('job lease renewal failed', error),
      );
    },
    Math.max(50, Math.floor(options.leaseMs / 3)),
  );
  try {
    const handler = options.handlers[job.kind];
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
    const actor = await actorOfJob(deps, job);
    const report = await handler.run({
      actor,
      params: job.params,
      onProgress: (fraction) => {
        progress = Math.min(999, progressPermille(fraction));
      },
      signal,
    });
    signal.throwIfAborted();
    const { bytes } = await deps.jobFiles.save(job.id, (destination) => report.write(destination));
    const result = { fileName: report.fileName, mediaType: report.mediaType, bytes };
    if (!(await finish({ status: 'succeeded', result }))) await deps.jobFiles.remove(job.id);
  } catch (error) {
    await deps.jobFiles.remove(job.id);
    if (lost.signal.aborted) return;
    if (options.stopSignal?.aborted) {
      await finish({ status: 'queued', error: { code: 'INTERRUPTED', message: 'The server stopped; it runs again.' } });
    } else if (isDomainError(error)) {
      await finish({ status: 'failed', error: { code: error.code, message: error.message } });
    } else {
      options.log?.(`job ${job.id} (${job.kind}) failed`, error);
      const again = job.attempts < job.maxAttempts;
      await finish({
        status: again ? 'queued' : 'failed',
        error: { code: 'INTERNAL', message: again ? 'Failed; it runs again.' : 'The job failed.' },
      });
    }
  } finally {
    clearInterval(heartbeat);
    await renewal;
  }
}
