import { listFrameworkItems, type FrameworkItem } from '../../core/assessment/framework-items';
import { computeScores } from '../../core/assessment/scoring';
import type { Actor } from '../../core/auth/actor';
import type { AssessmentSummary } from '../../contracts/assessment.schema';
import { listAnswerResults } from '../../db/answer.repository';
import { listAssessments as readAssessments } from '../../db/assessment.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { AssessmentDeps } from './assessment-deps';
import { presentAssessment } from './present-assessment';

/** The organisation's assessments (of one system when given), newest first, with overall score and completion. */
export async function listAssessments(
  deps: Pick<AssessmentDeps, 'database' | 'catalog'>,
  input: { actor: Actor; systemId?: string },
): Promise<AssessmentSummary[]> {
  const { organisationId } = requireOrganisation(input.actor);
  const db = deps.database.db;
  const assessments = await readAssessments(
    db,
    organisationId,
    input.systemId === undefined ? {} : { systemId: input.systemId },
  );
  const results = await listAnswerResults(
    db,
    organisationId,
    assessments.map((assessment) => assessment.id),
  );
  const itemsByFramework = new Map<string, FrameworkItem[]>();
  const itemsOf = (frameworkId: string): FrameworkItem[] => {
    const known = itemsByFramework.get(frameworkId);
    if (known) return known;
    // A framework dropped from the catalog leaves its assessments listed, without a score.
    const items = deps.catalog.frameworks.has(frameworkId) ? listFrameworkItems(deps.catalog, frameworkId) : [];
    itemsByFramework.set(frameworkId, items);
    return items;
  };
  return assessments.map((assessment) => {
    const overall = computeScores(itemsOf(assessment.frameworkId), results.get(assessment.id) ?? new Map()).overall;
    return {
      ...presentAssessment(assessment),
      systemName: assessment.systemName,
      overallScore: overall.score,
      completion: overall.completion,
    };
  });
}
