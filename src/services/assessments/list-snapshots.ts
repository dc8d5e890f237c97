import type { Actor } from '../../core/auth/actor';
import type { SnapshotList } from '../../contracts/assessment.schema';
import { listScoreSnapshots } from '../../db/score-snapshot.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { AssessmentDeps } from './assessment-deps';
import { requireAssessment } from './require-assessment';
import { takeDailySnapshotIfDue } from './take-score-snapshot';

/** An assessment's score snapshots, oldest first; today's daily one is taken first when due. */
export async function listSnapshots(
  deps: AssessmentDeps,
  input: { actor: Actor; assessmentId: string },
): Promise<SnapshotList> {
  const { organisationId } = requireOrganisation(input.actor);
  return deps.database.db.transaction().execute(async (transaction) => {
    const assessment = await requireAssessment(transaction, organisationId, input.assessmentId);
    await takeDailySnapshotIfDue(transaction, deps.catalog, organisationId, assessment, deps.clock());
    return { snapshots: await listScoreSnapshots(transaction, organisationId, assessment.id) };
  });
}
