import type { Actor } from '../../core/auth/actor';
import type { Job } from '../../core/jobs/job.types';
import { listJobsOfSubject } from '../../db/jobs/job.repository';
import { requireOrganisation } from '../accounts/require-user';
import { requireAssessment } from '../assessments/require-assessment';
import type { JobDeps } from '../jobs/job-deps';

/** How many of an assessment's recent report jobs the Reports page shows. */
const RECENT_REPORTS = 30;

/** The recent report jobs of an assessment, newest first (whoever asked for them). */
export async function listReports(
  deps: Pick<JobDeps, 'database'>,
  input: { actor: Actor; assessmentId: string },
): Promise<Job[]> {
  const { organisationId } = requireOrganisation(input.actor);
  const assessment = await requireAssessment(deps.database.db, organisationId, input.assessmentId);
  return listJobsOfSubject(deps.database.db, organisationId, { type: 'assessment', id: assessment.id }, RECENT_REPORTS);
}
