// Stakeholders (items 03, 29, 50): who holds which role, how to reach them, and who stands in.

export const STAKEHOLDER_ROLES = [
  'system_owner',
  'provider',
  'operator',
  'maintainer',
  'csirt_contact',
  'management',
] as const;
export type StakeholderRole = (typeof STAKEHOLDER_ROLES)[number];

/** A stakeholder is a named person or a whole organisation (e.g. an outsourced operator). */
export const PARTY_KINDS = ['person', 'organisation'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** What the role covers: the whole organisation, one system or one device. */
export const STAKEHOLDER_SCOPES = ['organisation', 'system', 'device'] as const;
export type StakeholderScope = (typeof STAKEHOLDER_SCOPES)[number];

/** The editable fields of a stakeholder; `scopeId` is null exactly when the scope is the organisation. */
export interface StakeholderFields {
  readonly role: StakeholderRole;
  readonly partyKind: PartyKind;
  readonly name: string;
  readonly affiliation: string;
  readonly contact: string;
  readonly deputyName: string;
  readonly deputyContact: string;
  readonly scopeKind: StakeholderScope;
  readonly scopeId: string | null;
}

/** A stored stakeholder. */
export interface Stakeholder extends StakeholderFields {
  readonly id: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}
