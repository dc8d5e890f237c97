import Type from 'typebox';
import { PARTY_KINDS, STAKEHOLDER_ROLES, STAKEHOLDER_SCOPES } from '../../core/inventory/stakeholder.types';
import { List, Nullable, optionalProperties, Text, Version } from './record-parts.schema';

// Stakeholders (role, person or organisation, contact, deputy, scope): /api/inventory/stakeholders.

export const StakeholderRoleSchema = Type.Enum([...STAKEHOLDER_ROLES]);
export const StakeholderScopeSchema = Type.Enum([...STAKEHOLDER_SCOPES]);

const stakeholderProperties = {
  role: StakeholderRoleSchema,
  partyKind: Type.Enum([...PARTY_KINDS]),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  affiliation: Type.String({ maxLength: 200, description: 'the department or company a person belongs to' }),
  contact: Text(500),
  deputyName: Text(200),
  deputyContact: Text(500),
  scopeKind: StakeholderScopeSchema,
  scopeId: Nullable(Type.String({ maxLength: 100, description: 'the system or device id; null for the organisation' })),
};

export const StakeholderInputSchema = Type.Object(
  { ...optionalProperties(stakeholderProperties), role: stakeholderProperties.role, name: stakeholderProperties.name },
  { additionalProperties: false },
);
export const StakeholderUpdateSchema = Type.Object(
  { ...optionalProperties(stakeholderProperties), version: Version },
  { additionalProperties: false },
);
export const StakeholderSchema = Type.Object({
  id: Type.String(),
  ...stakeholderProperties,
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export const StakeholderListSchema = Type.Object({ stakeholders: List(StakeholderSchema) });
export const StakeholderListQuerySchema = Type.Object(
  {
    scopeKind: Type.Optional(StakeholderScopeSchema),
    scopeId: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

export type StakeholderInputBody = Type.Static<typeof StakeholderInputSchema>;
export type StakeholderUpdateBody = Type.Static<typeof StakeholderUpdateSchema>;
export type StakeholderView = Type.Static<typeof StakeholderSchema>;
