import { randomUUID } from 'node:crypto';
import type { UserActor } from '../../core/auth/actor';
import type { Job, JobSubject } from '../../core/jobs/job.types';
import { insertJob } from '../../db/jobs/job.repository';
import type { RequestContext } from '../auth/account-deps';
import { recordAudit } from '../audit/record-audit';
import type { JobDeps } from './job-deps';

/** How many times a job is claimed before it is given up (a server dying mid-job counts). */
const MAX_ATTEMPTS = 3;

/**
 * Queues a job for `actor` in their organisation, audited as `auditAction` in the same
 * transaction, and wakes this server's worker. The caller has already checked the actor may.
 */
export async function enqueueJob(
  deps: JobDeps,
  input: {
    readonly actor: UserActor;
    readonly organisationId: string;
    readonly kind: string;
    readonly params: Readonly<Record<string, unknown>>;
    readonly subject: { readonly type: JobSubject; readonly id: string };
    readonly auditAction: string;
    readonly context?: RequestContext;
  },
): Promise<Job> {
  const at = deps.clock();
  const job = await deps.database.db.transaction().execute(async (transaction) => {
    const queued = await insertJob(transaction, {
      id: randomUUID(),
      organisationId: input.organisationId,
      kind: input.kind,
      params: input.params,
      subjectType: input.subject.type,
      subjectId: input.subject.id,
      maxAttempts: MAX_ATTEMPTS,
      requestedBy: input.actor.userId,
      createdAt: at.toISOString(),
    });
    await recordAudit(transaction, input.actor, input.context, at, {
      organisationId: input.organisationId,
      action: input.auditAction,
      targetType: 'job',
      targetId: queued.id,
      after: { kind: input.kind, [input.subject.type]: input.subject.id, ...input.params },
    });
    return queued;
  });
  deps.wakeJobWorker?.();
  return job;
}
