import { userActor, type UserActor } from '../../core/auth/actor';
import type { Job } from '../../core/jobs/job.types';
import { DomainError } from '../../core/domain-error';
import { findMembership } from '../../db/organisation.repository';
import { findUserById } from '../../db/user.repository';
import type { JobDeps } from './job-deps';

/**
 * The requester of a job as they are now: their current role in the job's organisation. Someone
 * who left the organisation (or whose account is gone) gets no job run on their behalf.
 */
export async function actorOfJob(deps: Pick<JobDeps, 'database'>, job: Job): Promise<UserActor> {
  // A job with no member behind it was stored already claimed by a command-line run (`iotcheck
  // probe run`): only that process runs it, so a server finding it means the process ended early.
  if (job.requestedBy === '')
    throw new DomainError(
      'CONFLICT',
      'This job belonged to a command-line run that stopped before it finished; nothing of it was stored. Run the command again.',
    );
  const db = deps.database.db;
  const [user, role] = await Promise.all([
    findUserById(db, job.requestedBy),
    findMembership(db, job.organisationId, job.requestedBy),
  ]);
  if (!user || !role) throw new DomainError('FORBIDDEN', 'The member who asked for this job no longer belongs here.');
  return userActor({
    userId: user.id,
    email: user.email,
    organisationId: job.organisationId,
    role,
    via: 'session',
    mustChangePassword: false,
  });
}
