import { compareResults, compareScores } from '../../core/assessment/compare-results';
import { listFrameworkItems } from '../../core/assessment/framework-items';
import { computeScores } from '../../core/assessment/scoring';
import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import type { Comparison } from '../../contracts/assessment.schema';
import { listAnswerResults } from '../../db/answer.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { AssessmentDeps } from './assessment-deps';
import { requireAssessment } from './require-assessment';

/**
 * Compares two assessments of the same framework item by item and per function: `baseId` is the
 * baseline ("before"), `otherId` the run compared with it ("after"). Results are ordered
 * implemented > partial > not_implemented > unanswered; not_applicable compares only for equality
 * (both n/a → unchanged, one → changed). Function scores use computeScores on both sides.
 */
export async function compareAssessments(
  deps: Pick<AssessmentDeps, 'database' | 'catalog'>,
  input: { actor: Actor; baseId: string; otherId: string },
): Promise<Comparison> {
  const { organisationId } = requireOrganisation(input.actor);
  const db = deps.database.db;
  const base = await requireAssessment(db, organisationId, input.baseId);
  const other = await requireAssessment(db, organisationId, input.otherId);
  if (base.frameworkId !== other.frameworkId) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `Only assessments of the same framework compare (${base.frameworkId} ≠ ${other.frameworkId}).`,
      [{ field: 'otherId', reason: 'different framework' }],
    );
  }
  const items = listFrameworkItems(deps.catalog, base.frameworkId);
  const results = await listAnswerResults(db, organisationId, [base.id, other.id]);
  const before = results.get(base.id) ?? new Map();
  const after = results.get(other.id) ?? new Map();
  const beforeScores = computeScores(items, before);
  const afterScores = computeScores(items, after);
  return {
    baseId: base.id,
    otherId: other.id,
    items: items.map((item) => {
      const was = before.get(item.itemId) ?? 'unanswered';
      const now = after.get(item.itemId) ?? 'unanswered';
      return { itemId: item.itemId, before: was, after: now, change: compareResults(was, now) };
    }),
    functions: Object.fromEntries(
      Object.entries(beforeScores.functions).map(([code, group]) => {
        const score = afterScores.functions[code]?.score ?? null;
        return [code, { before: group.score, after: score, change: compareScores(group.score, score) }];
      }),
    ),
  };
}
