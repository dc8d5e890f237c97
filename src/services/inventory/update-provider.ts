import type { Actor } from '../../core/auth/actor';
import { changedFields, isUnchanged } from '../../core/inventory/changed-fields';
import { providerProblems } from '../../core/inventory/provider-rules';
import type { Provider, ProviderFields } from '../../core/inventory/provider.types';
import { findProvider, updateProvider as writeProvider } from '../../db/inventory/provider.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { RequestContext } from '../auth/account-deps';
import { notFound, staleVersion, throwIfInvalid } from './inventory-errors';
import type { InventoryDeps } from './inventory-deps';
import { providerFields } from './provider-fields';
import { recordInventoryChange } from './record-inventory-change';

/** The fields to change (left out = unchanged) and the version they were edited from. */
export type ProviderChanges = Partial<ProviderFields> & { readonly version: number };

/**
 * Changes a provider with optimistic locking: a stale `version` is CONFLICT carrying the stored
 * provider. History (changed fields only) and audit are written in the same transaction.
 */
export async function updateProvider(
  deps: InventoryDeps,
  input: { actor: Actor; providerId: string; changes: ProviderChanges; context?: RequestContext },
): Promise<Provider> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const at = deps.clock();
  const { version, ...changes } = input.changes;
  return deps.database.db.transaction().execute(async (transaction) => {
    const before = await findProvider(transaction, organisationId, input.providerId);
    if (!before) throw notFound('provider');
    if (version !== before.version) throw staleVersion('provider', before.version, before);
    const merged: Provider = {
      ...before,
      ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
      ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
      ...(changes.contacts !== undefined ? { contacts: changes.contacts } : {}),
      ...(changes.supportWindow !== undefined ? { supportWindow: changes.supportWindow } : {}),
      ...(changes.disclosureContact !== undefined ? { disclosureContact: changes.disclosureContact } : {}),
      ...(changes.certifications !== undefined ? { certifications: changes.certifications } : {}),
      ...(changes.contracts !== undefined ? { contracts: changes.contracts } : {}),
      ...(changes.dataOwnership !== undefined ? { dataOwnership: changes.dataOwnership } : {}),
    };
    throwIfInvalid('provider', providerProblems(merged));
    if (isUnchanged(changedFields(providerFields(before), providerFields(merged)))) return before;
    const after: Provider = { ...merged, version: before.version + 1, updatedAt: at.toISOString() };
    if (!(await writeProvider(transaction, organisationId, after, before.version)))
      throw staleVersion('provider', before.version, before);
    await recordInventoryChange(transaction, actor, input.context, at, {
      organisationId,
      entityKind: 'provider',
      entityId: after.id,
      version: after.version,
      action: 'update',
      before: providerFields(before),
      after: providerFields(after),
    });
    return after;
  });
}
