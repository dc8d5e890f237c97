import type { Readable } from 'node:stream';
import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import type { JobDeps } from './job-deps';
import { requireReadableJob } from './require-job';

/** The finished file of a job, for a member who may read what the job is about. */
export async function openJobFile(
  deps: Pick<JobDeps, 'database' | 'jobFiles'>,
  input: { actor: Actor; jobId: string },
): Promise<{ fileName: string; mediaType: string; bytes: number; content: Readable }> {
  const job = await requireReadableJob(deps, input.actor, input.jobId);
  const content = job.status === 'succeeded' && job.result ? await deps.jobFiles.open(job.id) : undefined;
  if (!job.result || !content)
    throw new DomainError('NOT_FOUND', 'This job has no file to download (yet).', [
      { field: 'jobId', reason: job.status === 'succeeded' ? 'expired' : job.status },
    ]);
  return { ...job.result, content };
}
