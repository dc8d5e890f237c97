import type { Actor } from '../../core/auth/actor';
import { changedFields, isUnchanged } from '../../core/inventory/changed-fields';
import { stakeholderProblems } from '../../core/inventory/stakeholder-rules';
import type { Stakeholder, StakeholderFields } from '../../core/inventory/stakeholder.types';
import { findStakeholder, updateStakeholder as writeStakeholder } from '../../db/inventory/stakeholder.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { RequestContext } from '../auth/account-deps';
import { missingRefProblems } from './check-inventory-refs';
import { notFound, staleVersion, throwIfInvalid } from './inventory-errors';
import type { InventoryDeps } from './inventory-deps';
import { recordInventoryChange } from './record-inventory-change';
import { stakeholderFields, stakeholderRefs } from './stakeholder-fields';

/** The fields to change (left out = unchanged) and the version they were edited from. */
export type StakeholderChanges = Partial<StakeholderFields> & { readonly version: number };

/** Changes a stakeholder with optimistic locking (stale: CONFLICT with the stored one); history and audit. */
export async function updateStakeholder(
  deps: InventoryDeps,
  input: { actor: Actor; stakeholderId: string; changes: StakeholderChanges; context?: RequestContext },
): Promise<Stakeholder> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const at = deps.clock();
  const { version, ...changes } = input.changes;
  return deps.database.db.transaction().execute(async (transaction) => {
    const before = await findStakeholder(transaction, organisationId, input.stakeholderId);
    if (!before) throw notFound('stakeholder');
    if (version !== before.version) throw staleVersion('stakeholder', before.version, before);
    const merged: Stakeholder = {
      ...before,
      ...(changes.role !== undefined ? { role: changes.role } : {}),
      ...(changes.partyKind !== undefined ? { partyKind: changes.partyKind } : {}),
      ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
      ...(changes.affiliation !== undefined ? { affiliation: changes.affiliation } : {}),
      ...(changes.contact !== undefined ? { contact: changes.contact } : {}),
      ...(changes.deputyName !== undefined ? { deputyName: changes.deputyName } : {}),
      ...(changes.deputyContact !== undefined ? { deputyContact: changes.deputyContact } : {}),
      ...(changes.scopeKind !== undefined ? { scopeKind: changes.scopeKind } : {}),
      ...(changes.scopeId !== undefined ? { scopeId: changes.scopeId } : {}),
    };
    throwIfInvalid('stakeholder', stakeholderProblems(merged));
    throwIfInvalid('stakeholder', await missingRefProblems(transaction, organisationId, stakeholderRefs(merged)));
    if (isUnchanged(changedFields(stakeholderFields(before), stakeholderFields(merged)))) return before;
    const after: Stakeholder = { ...merged, version: before.version + 1, updatedAt: at.toISOString() };
    if (!(await writeStakeholder(transaction, organisationId, after, before.version)))
      throw staleVersion('stakeholder', before.version, before);
    await recordInventoryChange(transaction, actor, input.context, at, {
      organisationId,
      entityKind: 'stakeholder',
      entityId: after.id,
      version: after.version,
      action: 'update',
      before: stakeholderFields(before),
      after: stakeholderFields(after),
    });
    return after;
  });
}
