import type { Actor } from '../../core/auth/actor';
import type { Job } from '../../core/jobs/job.types';
import type { JobDeps } from './job-deps';
import { requireReadableJob } from './require-job';

/** One job and where it stands (progress, result, error), for a member who may read its subject. */
export function getJob(deps: Pick<JobDeps, 'database'>, input: { actor: Actor; jobId: string }): Promise<Job> {
  return requireReadableJob(deps, input.actor, input.jobId);
}
