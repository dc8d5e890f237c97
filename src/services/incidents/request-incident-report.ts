import type { Actor } from '../../core/auth/actor';
import { can } from '../../core/auth/policy';
import { DomainError } from '../../core/domain-error';
import type { Job } from '../../core/jobs/job.types';
import { requireOrganisation } from '../accounts/require-user';
import type { RequestContext } from '../auth/account-deps';
import { enqueueJob } from '../jobs/enqueue-job';
import type { JobDeps } from '../jobs/job-deps';
import type { ReportLanguage } from '../reports/generated-report';
import { requireIncident } from './require-incident';

/** The job kind of the incident report PDF. */
export const INCIDENT_PDF_JOB = 'incident-pdf';

/**
 * Queues the incident report PDF as a background job (subject `incident`, so readers of
 * incidents see it and download its file). The job runs later as the requester.
 */
export async function requestIncidentReport(
  deps: JobDeps,
  input: { actor: Actor; incidentId: string; language: ReportLanguage; context?: RequestContext },
): Promise<Job> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  if (!can(actor, 'incidents.read', { organisationId }))
    throw new DomainError('FORBIDDEN', 'You may not read this incident.');
  const incident = await requireIncident(deps.database.db, organisationId, input.incidentId);
  return enqueueJob(deps, {
    actor,
    organisationId,
    kind: INCIDENT_PDF_JOB,
    params: { incidentId: incident.id, language: input.language },
    subject: { type: 'incident', id: incident.id },
    auditAction: 'report.requested',
    ...(input.context ? { context: input.context } : {}),
  });
}
