import type { Actor } from '../../core/auth/actor';
import { can } from '../../core/auth/policy';
import { DomainError } from '../../core/domain-error';
import type { Job } from '../../core/jobs/job.types';
import { isReportKind } from '../../core/reports/report-kinds';
import { requireOrganisation } from '../accounts/require-user';
import { requireAssessment } from '../assessments/require-assessment';
import type { RequestContext } from '../auth/account-deps';
import type { JobDeps } from '../jobs/job-deps';
import { enqueueJob } from '../jobs/enqueue-job';
import type { ReportLanguage } from './generated-report';

/**
 * Queues a report of an assessment as a background job, for a member who may read the
 * assessment. The job runs later as that member, with the role they then have.
 */
export async function requestReport(
  deps: JobDeps,
  input: {
    actor: Actor;
    assessmentId: string;
    kind: string;
    language: ReportLanguage;
    detailed: boolean;
    context?: RequestContext;
  },
): Promise<Job> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  if (!can(actor, 'assessments.read', { organisationId }))
    throw new DomainError('FORBIDDEN', 'You may not read this assessment.');
  if (!isReportKind(input.kind))
    throw new DomainError('VALIDATION_FAILED', `Unknown report kind: ${input.kind}.`, [
      { field: 'kind', reason: 'unknown' },
    ]);
  const assessment = await requireAssessment(deps.database.db, organisationId, input.assessmentId);
  return enqueueJob(deps, {
    actor,
    organisationId,
    kind: input.kind,
    params: { assessmentId: assessment.id, language: input.language, detailed: input.detailed },
    subject: { type: 'assessment', id: assessment.id },
    auditAction: 'report.requested',
    ...(input.context ? { context: input.context } : {}),
  });
}
