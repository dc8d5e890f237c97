// Providers (items 16, 19–21, 36): the vendors, integrators and cloud services behind the devices.

/** What a provider is to the organisation. */
export const PROVIDER_KINDS = ['vendor', 'integrator', 'cloud', 'other'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** A person to reach at the provider. */
export interface ProviderContact {
  readonly name: string;
  readonly role: string;
  readonly email: string;
  readonly phone: string;
}

/** A certification the provider or its product holds, e.g. scheme JC-STAR, level ★1. */
export interface ProviderCertification {
  readonly scheme: string;
  readonly level: string;
  readonly registrationNumber: string;
  readonly validUntil: string | null;
}

/** A contract with the provider; `dataOwnership` says who owns the data it handles. */
export interface ProviderContract {
  readonly title: string;
  readonly startsOn: string | null;
  readonly endsOn: string | null;
  readonly dataOwnership: string;
}

/** How long and how the provider supports what it delivered (item 36). */
export interface SupportWindow {
  readonly until: string | null;
  readonly note: string;
}

/** The editable fields of a provider. */
export interface ProviderFields {
  readonly name: string;
  readonly kind: ProviderKind;
  readonly contacts: readonly ProviderContact[];
  readonly supportWindow: SupportWindow;
  readonly disclosureContact: string;
  readonly certifications: readonly ProviderCertification[];
  readonly contracts: readonly ProviderContract[];
  readonly dataOwnership: string;
}

/** A stored provider. */
export interface Provider extends ProviderFields {
  readonly id: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}
