import type { Actor } from '../../core/auth/actor';
import { DomainError, type ProblemDetail } from '../../core/domain-error';
import type { ItemWeights } from '../../contracts/assessment.schema';
import { listItemWeights, replaceItemWeights } from '../../db/item-weight.repository';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';
import { requireOrganisation } from '../accounts/require-user';
import type { AssessmentDeps } from './assessment-deps';

/** Weights run from 0 (ignore this item's gaps) to 10. */
export const MAX_ITEM_WEIGHT = 10;

/**
 * Replaces the organisation's item weights (settings.manage). Every key must be an answerable
 * catalog item (`jssec-v2:25`); all problems are reported at once and nothing is written then.
 */
export async function setItemWeights(
  deps: Pick<AssessmentDeps, 'database' | 'clock' | 'catalog'>,
  input: { actor: Actor; weights: Readonly<Record<string, number>>; context?: RequestContext },
): Promise<ItemWeights> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const problems: ProblemDetail[] = [];
  for (const [itemId, weight] of Object.entries(input.weights)) {
    const node = deps.catalog.nodes.get(itemId);
    if (!node || (node.kind !== 'item' && node.kind !== 'subcategory'))
      problems.push({ path: `weights.${itemId}`, field: itemId, reason: 'is not a catalog item' });
    if (!Number.isFinite(weight) || weight < 0 || weight > MAX_ITEM_WEIGHT)
      problems.push({ path: `weights.${itemId}`, field: itemId, reason: `must be between 0 and ${MAX_ITEM_WEIGHT}` });
  }
  if (problems.length > 0)
    throw new DomainError('VALIDATION_FAILED', 'Some weights are not valid; nothing was saved.', problems);
  const now = deps.clock();
  const after = new Map(Object.entries(input.weights).sort(([a], [b]) => (a < b ? -1 : 1)));
  await deps.database.db.transaction().execute(async (transaction) => {
    const before = await listItemWeights(transaction, organisationId);
    await replaceItemWeights(transaction, organisationId, after);
    await recordAudit(transaction, actor, input.context, now, {
      organisationId,
      action: 'item_weights.update',
      targetType: 'organisation',
      targetId: organisationId,
      before: Object.fromEntries(before),
      after: Object.fromEntries(after),
    });
  });
  return { weights: Object.fromEntries(after) };
}
