import { purgeEndedJobs } from './purge-ended-jobs';
import { runNextJob, type JobRunOptions } from './run-next-job';
import type { JobDeps } from './job-deps';

/** Ended jobs past their retention are purged at most this often. */
const PURGE_EVERY_MS = 3_600_000;

export interface JobWorker {
  /** Looks for work now instead of at the next poll (a job was just queued here). */
  wake(): void;
  /** Stops claiming; a job still running goes back to the queue. Resolves when the loop has ended. */
  stop(): Promise<void>;
}

/**
 * This server's share of the job queue: runs one job at a time, looks for work every `pollMs`
 * (jobs queued by other servers) or at once when woken (jobs queued here).
 */
export function startJobWorker(
  deps: JobDeps,
  options: Omit<JobRunOptions, 'stopSignal'> & { readonly pollMs: number },
): JobWorker {
  const stopping = new AbortController();
  let wakeUp: (() => void) | undefined;
  let woken = false;
  const pause = () =>
    new Promise<void>((resolve) => {
      if (woken || stopping.signal.aborted) return resolve();
      const timer = setTimeout(done, options.pollMs);
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      }
      wakeUp = done;
    });
  let purgedAt = 0;
  const loop = (async () => {
    while (!stopping.signal.aborted) {
      woken = false;
      if (Date.now() - purgedAt > PURGE_EVERY_MS) {
        purgedAt = Date.now();
        await purgeEndedJobs(deps).catch((error: unknown) => options.log?.('old jobs not purged', error));
      }
      const outcome = await runNextJob(deps, { ...options, stopSignal: stopping.signal }).catch((error: unknown) => {
        options.log?.('job queue unavailable', error);
        return 'idle' as const;
      });
      if (outcome === 'idle') await pause();
    }
  })();
  return {
    wake() {
      woken = true;
      wakeUp?.();
    },
    async stop() {
      stopping.abort();
      wakeUp?.();
      await loop;
    },
  };
}
