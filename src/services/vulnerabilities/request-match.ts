import type { Actor } from '../../core/auth/actor';
import { can } from '../../core/auth/policy';
import { DomainError } from '../../core/domain-error';
import type { Job } from '../../core/jobs/job.types';
import { requireOrganisation } from '../accounts/require-user';
import type { RequestContext } from '../auth/account-deps';
import { enqueueJob } from '../jobs/enqueue-job';
import type { JobDeps } from '../jobs/job-deps';
import { VULNERABILITY_MATCH_JOB } from './match/match-job-handler';

/** Queues a match run of the actor's organisation (needs vulnerabilities.triage), audited. */
export async function requestMatch(
  deps: JobDeps,
  input: { readonly actor: Actor; readonly force?: boolean; readonly context?: RequestContext },
): Promise<Job> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  if (!can(actor, 'vulnerabilities.triage', { organisationId }))
    throw new DomainError('FORBIDDEN', 'You may not run matching in this organisation.');
  return enqueueJob(deps, {
    actor,
    organisationId,
    kind: VULNERABILITY_MATCH_JOB,
    params: { force: input.force === true },
    subject: { type: 'vulnerabilities', id: organisationId },
    auditAction: 'vulnerability.match_requested',
    ...(input.context ? { context: input.context } : {}),
  });
}
