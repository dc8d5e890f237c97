import { randomUUID } from 'node:crypto';
import type { Actor } from '../../core/auth/actor';
import { stakeholderProblems } from '../../core/inventory/stakeholder-rules';
import type { Stakeholder, StakeholderFields } from '../../core/inventory/stakeholder.types';
import { insertStakeholder } from '../../db/inventory/stakeholder.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { RequestContext } from '../auth/account-deps';
import { missingRefProblems } from './check-inventory-refs';
import { throwIfInvalid } from './inventory-errors';
import type { InventoryDeps } from './inventory-deps';
import { recordInventoryChange } from './record-inventory-change';
import { stakeholderFields, stakeholderRefs } from './stakeholder-fields';

/** A new stakeholder: role and name; the rest defaults to a person for the whole organisation. */
export type StakeholderInput = Pick<StakeholderFields, 'role' | 'name'> & Partial<StakeholderFields>;

/**
 * Adds a stakeholder (version 1). A system or device scope must name one of the organisation's.
 * History and audit in the same transaction.
 */
export async function createStakeholder(
  deps: InventoryDeps,
  input: { actor: Actor; stakeholder: StakeholderInput; context?: RequestContext },
): Promise<Stakeholder> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const at = deps.clock();
  const given = input.stakeholder;
  const stakeholder: Stakeholder = {
    id: randomUUID(),
    role: given.role,
    partyKind: given.partyKind ?? 'person',
    name: given.name.trim(),
    affiliation: given.affiliation ?? '',
    contact: given.contact ?? '',
    deputyName: given.deputyName ?? '',
    deputyContact: given.deputyContact ?? '',
    scopeKind: given.scopeKind ?? 'organisation',
    scopeId: given.scopeId ?? null,
    version: 1,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  };
  throwIfInvalid('stakeholder', stakeholderProblems(stakeholder));
  await deps.database.db.transaction().execute(async (transaction) => {
    throwIfInvalid('stakeholder', await missingRefProblems(transaction, organisationId, stakeholderRefs(stakeholder)));
    await insertStakeholder(transaction, organisationId, stakeholder);
    await recordInventoryChange(transaction, actor, input.context, at, {
      organisationId,
      entityKind: 'stakeholder',
      entityId: stakeholder.id,
      version: 1,
      action: 'create',
      before: null,
      after: stakeholderFields(stakeholder),
    });
  });
  return stakeholder;
}
