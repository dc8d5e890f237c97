import type { AnswerResult } from '../../core/assessment/assessment.types';
import type { Actor } from '../../core/auth/actor';
import { requireFramework } from '../../core/catalog/framework-tree';
import { inferCoverage, type InferredItem } from '../../core/crosswalk/infer-coverage';
import { DomainError } from '../../core/domain-error';
import { listAnswers } from '../../db/answer.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { AssessmentDeps } from './assessment-deps';
import { requireAssessment } from './require-assessment';

export interface Coverage {
  readonly framework: string;
  /** The assessed framework the statuses are inferred from. */
  readonly source: string;
  readonly items: readonly InferredItem[];
}

/**
 * What an assessment implies for every item of another framework (see core/crosswalk/infer-coverage
 * for the rules). NOT_FOUND for another organisation's assessment, FRAMEWORK_NOT_FOUND for an
 * unknown framework, VALIDATION_FAILED for the assessment's own framework.
 */
export async function getCoverage(
  deps: AssessmentDeps,
  input: { actor: Actor; assessmentId: string; frameworkId: string },
): Promise<Coverage> {
  const { organisationId } = requireOrganisation(input.actor);
  const assessment = await requireAssessment(deps.database.db, organisationId, input.assessmentId);
  requireFramework(deps.catalog, input.frameworkId);
  if (input.frameworkId === assessment.frameworkId) {
    throw new DomainError('VALIDATION_FAILED', 'Choose a framework other than the one assessed.', [
      { field: 'framework', reason: 'same as the assessment' },
    ]);
  }
  const answers = await listAnswers(deps.database.db, organisationId, assessment.id);
  const prefix = `${assessment.frameworkId}:`;
  const results = new Map<string, AnswerResult>();
  for (const [itemId, answer] of answers)
    if (itemId.startsWith(prefix)) results.set(itemId.slice(prefix.length), answer.result);
  return {
    framework: input.frameworkId,
    source: assessment.frameworkId,
    items: inferCoverage(deps.catalog, {
      sourceFrameworkId: assessment.frameworkId,
      targetFrameworkId: input.frameworkId,
      results,
    }),
  };
}
