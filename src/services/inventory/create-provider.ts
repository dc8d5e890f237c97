import { randomUUID } from 'node:crypto';
import type { Actor } from '../../core/auth/actor';
import { providerProblems } from '../../core/inventory/provider-rules';
import type { Provider, ProviderFields } from '../../core/inventory/provider.types';
import { insertProvider } from '../../db/inventory/provider.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { RequestContext } from '../auth/account-deps';
import { throwIfInvalid } from './inventory-errors';
import type { InventoryDeps } from './inventory-deps';
import { providerFields } from './provider-fields';
import { recordInventoryChange } from './record-inventory-change';

/** A new provider: name and kind, everything else optional (empty lists and texts). */
export type ProviderInput = Pick<ProviderFields, 'name' | 'kind'> & Partial<ProviderFields>;

/** Adds a provider to the actor's organisation (version 1), with history and audit in one transaction. */
export async function createProvider(
  deps: InventoryDeps,
  input: { actor: Actor; provider: ProviderInput; context?: RequestContext },
): Promise<Provider> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const at = deps.clock();
  const given = input.provider;
  const provider: Provider = {
    id: randomUUID(),
    name: given.name.trim(),
    kind: given.kind,
    contacts: given.contacts ?? [],
    supportWindow: given.supportWindow ?? { until: null, note: '' },
    disclosureContact: given.disclosureContact ?? '',
    certifications: given.certifications ?? [],
    contracts: given.contracts ?? [],
    dataOwnership: given.dataOwnership ?? '',
    version: 1,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  };
  throwIfInvalid('provider', providerProblems(provider));
  await deps.database.db.transaction().execute(async (transaction) => {
    await insertProvider(transaction, organisationId, provider);
    await recordInventoryChange(transaction, actor, input.context, at, {
      organisationId,
      entityKind: 'provider',
      entityId: provider.id,
      version: 1,
      action: 'create',
      before: null,
      after: providerFields(provider),
    });
  });
  return provider;
}
