import { utcDay } from '../../core/assessment/overdue';
import { listFrameworkItems } from '../../core/assessment/framework-items';
import type { Actor } from '../../core/auth/actor';
import type { AssessmentDetail } from '../../contracts/assessment.schema';
import { listAnswers } from '../../db/answer.repository';
import { countEvidenceLinks, countOpenFindings } from '../../db/assessment-facts.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { AssessmentDeps } from './assessment-deps';
import { presentAnswer } from './present-answer';
import { presentAssessment } from './present-assessment';
import { presentSystem } from './present-system';
import { requireAssessment, requireSystem } from './require-assessment';

/**
 * An assessment with its system and an answer for EVERY item of its framework, in sheet order:
 * items never saved appear unanswered with version 0, so the client can save them with version 0.
 */
export async function getAssessment(
  deps: Pick<AssessmentDeps, 'database' | 'catalog' | 'clock'>,
  input: { actor: Actor; assessmentId: string },
): Promise<AssessmentDetail> {
  const { organisationId } = requireOrganisation(input.actor);
  const db = deps.database.db;
  const assessment = await requireAssessment(db, organisationId, input.assessmentId);
  const system = await requireSystem(db, organisationId, assessment.systemId);
  const items = listFrameworkItems(deps.catalog, assessment.frameworkId);
  const answers = await listAnswers(db, organisationId, assessment.id);
  const evidence = await countEvidenceLinks(db, organisationId, assessment.id);
  const findings = await countOpenFindings(db, organisationId, assessment.id);
  const today = utcDay(deps.clock());
  return {
    assessment: presentAssessment(assessment),
    system: presentSystem(system),
    answers: items.map((item) =>
      presentAnswer(item.itemId, answers.get(item.itemId), {
        evidenceCount: evidence.get(item.itemId) ?? 0,
        openFindings: findings.get(item.itemId) ?? 0,
        today,
      }),
    ),
  };
}
