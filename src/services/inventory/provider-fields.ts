import type { Provider, ProviderFields } from '../../core/inventory/provider.types';

/** The editable fields of a stored provider (what history and audit compare). */
export function providerFields(provider: Provider): ProviderFields {
  const { id: _id, version: _version, createdAt: _created, updatedAt: _updated, ...fields } = provider;
  return fields;
}
