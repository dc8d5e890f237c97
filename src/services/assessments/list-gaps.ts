import { listFrameworkItems } from '../../core/assessment/framework-items';
import { isAnswerOverdue, utcDay } from '../../core/assessment/overdue';
import { DEFAULT_ITEM_WEIGHT, rankGap } from '../../core/assessment/rank-gaps';
import type { Actor } from '../../core/auth/actor';
import type { GapList } from '../../contracts/assessment.schema';
import { listAnswers } from '../../db/answer.repository';
import { listOpenFindings, type OpenFinding } from '../../db/assessment-facts.repository';
import { listItemWeights } from '../../db/item-weight.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { AssessmentDeps } from './assessment-deps';
import { requireAssessment, requireSystem } from './require-assessment';

/**
 * What to fix first: the items answered not_implemented or partial, ranked by the organisation's
 * item weight (default 1) × the system's criticality factor (critical 3, important 2, supporting 1)
 * × 2 when the answer is overdue (isAnswerOverdue, today in UTC), each with its open findings. Ties keep
 * sheet order.
 */
export async function listGaps(deps: AssessmentDeps, input: { actor: Actor; assessmentId: string }): Promise<GapList> {
  const { organisationId } = requireOrganisation(input.actor);
  const db = deps.database.db;
  const assessment = await requireAssessment(db, organisationId, input.assessmentId);
  const system = await requireSystem(db, organisationId, assessment.systemId);
  const answers = await listAnswers(db, organisationId, assessment.id);
  const weights = await listItemWeights(db, organisationId);
  const findingsByItem = new Map<string, OpenFinding[]>();
  for (const finding of await listOpenFindings(db, organisationId, assessment.id))
    findingsByItem.set(finding.itemId, [...(findingsByItem.get(finding.itemId) ?? []), finding]);
  const today = utcDay(deps.clock());
  const gaps = listFrameworkItems(deps.catalog, assessment.frameworkId).flatMap((item) => {
    const answer = answers.get(item.itemId);
    if (!answer || (answer.result !== 'not_implemented' && answer.result !== 'partial')) return [];
    const weight = weights.get(item.itemId) ?? DEFAULT_ITEM_WEIGHT;
    const overdue = isAnswerOverdue(answer, today);
    return [
      {
        itemId: item.itemId,
        result: answer.result,
        weight,
        overdue,
        rank: rankGap({ weight, criticality: system.criticality, overdue }),
        openFindings: findingsByItem.get(item.itemId) ?? [],
      },
    ];
  });
  // Array.prototype.sort is stable, so equal ranks stay in sheet order.
  return { gaps: gaps.sort((a, b) => b.rank - a.rank) };
}
