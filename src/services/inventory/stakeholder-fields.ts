import type { Stakeholder, StakeholderFields } from '../../core/inventory/stakeholder.types';
import type { InventoryRef } from './check-inventory-refs';

/** The editable fields of a stored stakeholder (what history and audit compare). */
export function stakeholderFields(stakeholder: Stakeholder): StakeholderFields {
  const { id: _id, version: _version, createdAt: _created, updatedAt: _updated, ...fields } = stakeholder;
  return fields;
}

/** The system or device a stakeholder's scope names, to check it exists. */
export function stakeholderRefs(stakeholder: StakeholderFields): InventoryRef[] {
  return stakeholder.scopeKind !== 'organisation' && stakeholder.scopeId
    ? [{ field: 'scopeId', kind: stakeholder.scopeKind, id: stakeholder.scopeId }]
    : [];
}
