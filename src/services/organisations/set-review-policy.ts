import type { Actor } from '../../core/auth/actor';
import { can } from '../../core/auth/policy';
import { DomainError } from '../../core/domain-error';
import { findOrganisation, updateOrganisationSettings, type Organisation } from '../../db/organisation.repository';
import { recordAudit } from '../audit/record-audit';
import type { AccountDeps, RequestContext } from '../auth/account-deps';
import { requireOrganisation } from '../accounts/require-user';

/**
 * Turns four-eyes review on or off for the current organisation: when on, nobody accepts an
 * answer they wrote (reviewAnswer refuses with SELF_APPROVAL). Owners and admins only
 * (settings.manage), checked here so every edge gets the same rule; audited.
 */
export async function setReviewPolicy(
  deps: Pick<AccountDeps, 'database' | 'clock'>,
  input: { actor: Actor; requireSeparateReviewer: boolean; context?: RequestContext },
): Promise<Organisation> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  if (!can(actor, 'settings.manage', { organisationId }))
    throw new DomainError('FORBIDDEN', 'Only owners and admins change the review policy.');
  const now = deps.clock();
  return deps.database.db.transaction().execute(async (transaction) => {
    const before = await findOrganisation(transaction, organisationId);
    if (!before) throw new DomainError('NOT_FOUND', 'No such organisation.');
    const after: Organisation = { ...before, requireSeparateReviewer: input.requireSeparateReviewer };
    if (after.requireSeparateReviewer === before.requireSeparateReviewer) return before;
    await updateOrganisationSettings(transaction, organisationId, after);
    await recordAudit(transaction, actor, input.context, now, {
      organisationId,
      action: 'organisation.review_policy',
      targetType: 'organisation',
      targetId: organisationId,
      before: { requireSeparateReviewer: before.requireSeparateReviewer },
      after: { requireSeparateReviewer: after.requireSeparateReviewer },
    });
    return after;
  });
}
