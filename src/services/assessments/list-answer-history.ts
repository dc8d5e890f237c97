import type { Actor } from '../../core/auth/actor';
import type { AnswerHistory } from '../../contracts/assessment.schema';
import { listAnswerHistory as readHistory } from '../../db/answer.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { AssessmentDeps } from './assessment-deps';
import { requireItem } from './edit-answer';
import { requireAssessment } from './require-assessment';

/** Every change of one item's answer, newest first, each with the whole answer before and after. */
export async function listAnswerHistory(
  deps: Pick<AssessmentDeps, 'database' | 'catalog'>,
  input: { actor: Actor; assessmentId: string; itemId: string },
): Promise<AnswerHistory> {
  const { organisationId } = requireOrganisation(input.actor);
  const db = deps.database.db;
  const assessment = await requireAssessment(db, organisationId, input.assessmentId);
  const item = requireItem(deps.catalog, assessment, input.itemId);
  return { entries: await readHistory(db, organisationId, assessment.id, item.itemId) };
}
