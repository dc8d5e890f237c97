import type { Scores } from '../../core/assessment/scoring';
import type { Actor } from '../../core/auth/actor';
import { requireOrganisation } from '../accounts/require-user';
import type { AssessmentDeps } from './assessment-deps';
import { requireAssessment } from './require-assessment';
import { scoreAssessment } from './score-assessment';
import { takeDailySnapshotIfDue } from './take-score-snapshot';

/**
 * Scores of an assessment per category, per function and overall (computeScores over every item
 * of its framework). Reading scores also takes the day's snapshot when one is due (see
 * takeDailySnapshotIfDue), so trends fill in without a scheduler.
 */
export async function getScores(deps: AssessmentDeps, input: { actor: Actor; assessmentId: string }): Promise<Scores> {
  const { organisationId } = requireOrganisation(input.actor);
  return deps.database.db.transaction().execute(async (transaction) => {
    const assessment = await requireAssessment(transaction, organisationId, input.assessmentId);
    await takeDailySnapshotIfDue(transaction, deps.catalog, organisationId, assessment, deps.clock());
    return scoreAssessment(transaction, deps.catalog, organisationId, assessment);
  });
}
