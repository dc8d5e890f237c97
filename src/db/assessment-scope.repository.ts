import type { Kysely } from 'kysely';
import type { AssessmentStatus } from '../core/assessment/assessment.types';
import type { DatabaseSchema } from './database';

/** What evidence and findings need to know about an assessment: that it exists, its framework and status. */
export interface AssessmentScope {
  readonly id: string;
  readonly frameworkId: string;
  readonly status: AssessmentStatus;
}

/**
 * A read-only look at one assessment of the organisation (another organisation's is not found).
 * The assessment's own life cycle is kept by the assessment repository; this reads three columns.
 */
export async function findAssessmentScope(
  db: Kysely<DatabaseSchema>,
  organisationId: string,
  assessmentId: string,
): Promise<AssessmentScope | undefined> {
  const row = await db
    .selectFrom('assessment')
    .select(['id', 'framework_id', 'status'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', assessmentId)
    .executeTakeFirst();
  return row ? { id: row.id, frameworkId: row.framework_id, status: row.status as AssessmentStatus } : undefined;
}
