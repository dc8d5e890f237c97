import type { Actor } from '../../core/auth/actor';
import { isDomainError } from '../../core/domain-error';
import { progressPermille } from '../../core/jobs/job.types';
import type { ProbeCheck } from '../../core/probes/observation';
import type { ProbeResult } from '../../core/probes/probe-result';
import type { ProbePlanView } from '../../contracts/probes';
import { finishJobRun, renewJobLease, type JobOutcome } from '../../db/jobs/job.repository';
import type { JobFileStore } from '../../integrations/jobs/job-file-store';
import { cancelJob } from '../jobs/cancel-job';
import { requireProbeAccess } from './probe-access';
import type { ProbeDeps } from './probe-deps';
import { executeProbeRun, probeRunFile } from './probe-run-job-handler';
import { requestProbeRun } from './request-probe-run';

/** What a run executed in this process ended with. */
export interface ProbeRunHereOutcome {
  readonly runId: string;
  readonly jobId: string;
  /** Stopped by `signal` or cancelled meanwhile from elsewhere: what was stored is marked cancelled. */
  readonly cancelled: boolean;
  /** What was observed (printableResult gives the CLI's and the job file's shape of it). */
  readonly result: ProbeResult;
}

/**
 * Requests a probe run exactly as the API does (requestProbeRun: same checks, rows and audit, the
 * actor named) and executes it in this process right away with the queue's own handler code. Its
 * job is stored already claimed by `workerId`, and the claim is renewed while the run lasts, so no
 * server sharing the database takes it. When `signal` aborts, the run stops, what it had is stored
 * marked cancelled (one transaction) and its job is cancelled (audited `job.cancel`); a cancel from
 * elsewhere (the web) stops it the same way. A refusal or failure fails the job (never re-queued:
 * no server could run it as the operator) and is rethrown.
 */
export async function runProbeHere(
  deps: ProbeDeps & { readonly jobFiles: JobFileStore },
  input: {
    readonly actor: Actor;
    readonly request: {
      readonly scopeId: string;
      readonly targets?: string;
      readonly ports?: number[];
      readonly checks?: ProbeCheck[];
    };
    readonly workerId: string;
    readonly leaseMs: number;
    readonly signal: AbortSignal;
    /** Told once the run and its job are stored, before anything is sent. */
    readonly onStarted?: (started: { runId: string; jobId: string; plan: ProbePlanView }) => void;
    readonly onProgress?: (fraction: number) => void;
  },
): Promise<ProbeRunHereOutcome> {
  const { actor } = requireProbeAccess(input.actor, 'probes.run');
  const { request, workerId, leaseMs } = input;
  const created = await requestProbeRun(deps, {
    actor,
    request: {
      scopeId: request.scopeId,
      ...(request.targets !== undefined ? { targets: request.targets } : {}),
      ...(request.ports ? { ports: request.ports } : {}),
      ...(request.checks ? { checks: request.checks } : {}),
    },
    claimedBy: { workerId, leaseMs },
  });
  if (!created.run || !created.job) throw new Error('a probe run was requested but not stored');
  const runId = created.run.id;
  const jobId = created.job.id;
  input.onStarted?.({ runId, jobId, plan: created.plan });

  const db = deps.database.db;
  const finish = (outcome: JobOutcome) =>
    finishJobRun(db, { id: jobId, workerId, at: deps.clock().toISOString() }, outcome);
  const lost = new AbortController();
  const signal = AbortSignal.any([lost.signal, input.signal]);
  let progress = 0;
  const heartbeat = setInterval(
    () => {
      const leaseUntil = new Date(deps.clock().getTime() + leaseMs).toISOString();
      renewJobLease(db, { id: jobId, workerId, leaseUntil, progress }).then(
        (held) => {
          if (!held) lost.abort();
        },
        () => undefined, // a missed renewal is retried at the next beat; the lease outlasts two
      );
    },
    Math.max(50, Math.floor(leaseMs / 3)),
  );
  try {
    const result = await executeProbeRun(deps, {
      actor,
      params: { runId },
      signal,
      onProgress: (fraction) => {
        progress = Math.min(999, progressPermille(fraction));
        input.onProgress?.(fraction);
      },
    });
    if (signal.aborted) {
      clearInterval(heartbeat);
      if (input.signal.aborted && !lost.signal.aborted) await cancelJob(deps, { actor, jobId });
      return { runId, jobId, cancelled: true, result };
    }
    const file = probeRunFile(result);
    const { bytes } = await deps.jobFiles.save(jobId, (destination) => file.write(destination));
    const held = await finish({
      status: 'succeeded',
      result: { fileName: file.fileName, mediaType: file.mediaType, bytes },
    });
    if (!held) await deps.jobFiles.remove(jobId); // cancelled from elsewhere after the last probe
    return { runId, jobId, cancelled: !held, result };
  } catch (error) {
    clearInterval(heartbeat);
    await deps.jobFiles.remove(jobId);
    await finish({
      status: 'failed',
      error: isDomainError(error)
        ? { code: error.code, message: error.message }
        : { code: 'INTERNAL', message: 'The job failed.' },
    });
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
}
