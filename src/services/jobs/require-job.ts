import type { Actor } from '../../core/auth/actor';
import { can } from '../../core/auth/policy';
import { DomainError } from '../../core/domain-error';
import { readActionOfSubject } from '../../core/jobs/job-access';
import type { Job } from '../../core/jobs/job.types';
import { findJob } from '../../db/jobs/job.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { JobDeps } from './job-deps';

/**
 * The job with this id in the actor's organisation, when the actor may read what it is about
 * (a report of an assessment: whoever may read the assessment). NOT_FOUND otherwise — also for
 * another organisation's job, so ids reveal nothing.
 */
export async function requireReadableJob(deps: Pick<JobDeps, 'database'>, actor: Actor, jobId: string): Promise<Job> {
  const { organisationId } = requireOrganisation(actor);
  const job = await findJob(deps.database.db, organisationId, jobId);
  const readAction = job ? readActionOfSubject(job.subjectType) : undefined;
  if (!job || !readAction || !can(actor, readAction, { organisationId }))
    throw new DomainError('NOT_FOUND', 'No such job.', [{ field: 'jobId', reason: 'unknown' }]);
  return job;
}
