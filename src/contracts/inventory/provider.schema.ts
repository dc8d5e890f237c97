import Type from 'typebox';
import { PROVIDER_KINDS } from '../../core/inventory/provider.types';
import { Day, List, Nullable, optionalProperties, Text, Version } from './record-parts.schema';

// Providers (vendors, integrators, clouds): /api/inventory/providers.

export const ProviderKindSchema = Type.Enum([...PROVIDER_KINDS]);
const ContactSchema = Type.Object(
  { name: Text(200), role: Text(200), email: Text(320), phone: Text(50) },
  { additionalProperties: false },
);
const CertificationSchema = Type.Object(
  {
    scheme: Type.String({ maxLength: 100, description: 'e.g. JC-STAR' }),
    level: Type.String({ maxLength: 50, description: 'e.g. ★1' }),
    registrationNumber: Text(100),
    validUntil: Nullable(Day),
  },
  { additionalProperties: false },
);
const ContractSchema = Type.Object(
  { title: Text(200), startsOn: Nullable(Day), endsOn: Nullable(Day), dataOwnership: Text(4000) },
  { additionalProperties: false },
);
const SupportWindowSchema = Type.Object(
  { until: Nullable(Day), note: Text(1000) },
  { additionalProperties: false, description: 'support period (item 36): until when, and how (hours, channel)' },
);

const providerProperties = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  kind: ProviderKindSchema,
  contacts: List(ContactSchema, { maxItems: 50 }),
  supportWindow: SupportWindowSchema,
  disclosureContact: Type.String({ maxLength: 500, description: 'where to report a vulnerability (e-mail, URL)' }),
  certifications: List(CertificationSchema, { maxItems: 50 }),
  contracts: List(ContractSchema, { maxItems: 50 }),
  dataOwnership: Text(4000),
};

export const ProviderInputSchema = Type.Object(
  {
    ...optionalProperties(providerProperties),
    name: providerProperties.name,
    kind: providerProperties.kind,
  },
  { additionalProperties: false },
);
export const ProviderUpdateSchema = Type.Object(
  { ...optionalProperties(providerProperties), version: Version },
  { additionalProperties: false },
);
export const ProviderSchema = Type.Object({
  id: Type.String(),
  ...providerProperties,
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export const ProviderListSchema = Type.Object({ providers: List(ProviderSchema) });
export const ProviderListQuerySchema = Type.Object(
  { systemId: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);

export type ProviderInputBody = Type.Static<typeof ProviderInputSchema>;
export type ProviderUpdateBody = Type.Static<typeof ProviderUpdateSchema>;
export type ProviderView = Type.Static<typeof ProviderSchema>;
