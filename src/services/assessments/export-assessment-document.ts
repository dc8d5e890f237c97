import { listFrameworkItems } from '../../core/assessment/framework-items';
import type { Actor } from '../../core/auth/actor';
import type { AssessmentDocument } from '../../contracts/assessment.schema';
import { listAnswers } from '../../db/answer.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { AssessmentDeps } from './assessment-deps';
import { requireAssessment } from './require-assessment';

/** The version tag of the portable assessment document. */
export const ASSESSMENT_DOCUMENT_VERSION = 'assessment/v1';

/**
 * An assessment as a portable document ("compliance as code"): every item of its framework in
 * sheet order — unanswered ones too, so the file doubles as a template — with result,
 * justification, comment and each check as done or not. Applying it back changes nothing.
 * Assignees, due dates, review states and check notes stay in iotcheck. Each answer carries its
 * version (0: never saved), so applying the document later refuses to undo newer saves.
 */
export async function exportAssessmentDocument(
  deps: Pick<AssessmentDeps, 'database' | 'catalog'>,
  input: { actor: Actor; assessmentId: string },
): Promise<AssessmentDocument> {
  const { organisationId } = requireOrganisation(input.actor);
  const db = deps.database.db;
  const assessment = await requireAssessment(db, organisationId, input.assessmentId);
  const answers = await listAnswers(db, organisationId, assessment.id);
  return {
    iotcheck: ASSESSMENT_DOCUMENT_VERSION,
    assessment: {
      id: assessment.id,
      systemId: assessment.systemId,
      title: assessment.title,
      frameworkId: assessment.frameworkId,
      catalogHash: assessment.catalogHash,
    },
    answers: listFrameworkItems(deps.catalog, assessment.frameworkId).map((item) => {
      const answer = answers.get(item.itemId);
      return {
        item: item.itemId,
        version: answer?.version ?? 0,
        result: answer?.result ?? 'unanswered',
        justification: answer?.justification ?? '',
        comment: answer?.comment ?? '',
        checks: Object.fromEntries(item.checkIds.map((checkId) => [checkId, answer?.checks[checkId]?.done ?? false])),
      };
    }),
  };
}
