import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import { isLiveJob, type Job } from '../../core/jobs/job.types';
import { cancelJob as cancelStoredJob, findJob } from '../../db/jobs/job.repository';
import type { RequestContext } from '../auth/account-deps';
import { recordAudit } from '../audit/record-audit';
import type { JobDeps } from './job-deps';
import { requireReadableJob } from './require-job';
import { discardSharedUpload, discardSpooledUpload } from './spooled-upload';

/**
 * Cancels a queued or running job: the member who asked for it, or an owner or admin. A running
 * job stops at its next lease renewal and its file is dropped. A queued job's spooled upload (in
 * `deps.spoolDir`) is removed once the cancel is committed, since no run will read it, and so is
 * a queued or running job's upload in the shared store. CONFLICT
 * when it had already ended.
 */
export async function cancelJob(
  deps: Pick<JobDeps, 'database' | 'clock' | 'sharedUploads'> & { readonly spoolDir?: string },
  input: { actor: Actor; jobId: string; context?: RequestContext },
): Promise<Job> {
  const job = await requireReadableJob(deps, input.actor, input.jobId);
  const actor = input.actor.kind === 'user' ? input.actor : undefined;
  const mayCancel = actor && (actor.userId === job.requestedBy || actor.role === 'owner' || actor.role === 'admin');
  if (!mayCancel)
    throw new DomainError('FORBIDDEN', 'Only the member who asked for the job, or an admin, may cancel it.');
  if (!isLiveJob(job.status))
    throw new DomainError('CONFLICT', 'The job has already ended.', [{ field: 'status', reason: job.status }]);
  const at = deps.clock();
  const cancelled = await deps.database.db.transaction().execute(async (transaction) => {
    if (!(await cancelStoredJob(transaction, job.organisationId, job.id, at.toISOString())))
      throw new DomainError('CONFLICT', 'The job has already ended.', [{ field: 'status', reason: 'ended' }]);
    await recordAudit(transaction, input.actor, input.context, at, {
      organisationId: job.organisationId,
      action: 'job.cancel',
      targetType: 'job',
      targetId: job.id,
      before: { status: job.status },
      after: { status: 'cancelled' },
    });
    return (await findJob(transaction, job.organisationId, job.id)) ?? job;
  });
  // A running job removes its own upload when it stops; pulling the file from under it could
  // only turn its cancelled run into a confusing read error.
  if (job.status === 'queued' && deps.spoolDir !== undefined) await discardSpooledUpload(job.params, deps.spoolDir);
  // A running job has read a shared upload into its own local copy before it began.
  await discardSharedUpload(deps, job.params);
  return cancelled;
}
