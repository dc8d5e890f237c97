import { deleteJobs, listEndedJobsBefore } from '../../db/jobs/job.repository';
import type { JobDeps } from './job-deps';

/** How long a finished job and its file are kept for download. */
export const JOB_RETENTION_DAYS = 7;
const BATCH = 200;

/** Deletes jobs that ended more than JOB_RETENTION_DAYS ago, files first; returns how many. */
export async function purgeEndedJobs(deps: Pick<JobDeps, 'database' | 'clock' | 'jobFiles'>): Promise<number> {
  const before = new Date(deps.clock().getTime() - JOB_RETENTION_DAYS * 86_400_000).toISOString();
  let purged = 0;
  for (;;) {
    const ids = await listEndedJobsBefore(deps.database.db, before, BATCH);
    for (const id of ids) await deps.jobFiles.remove(id);
    await deleteJobs(deps.database.db, ids);
    purged += ids.length;
    if (ids.length < BATCH) return purged;
  }
}
