import type { Actor } from '../../core/auth/actor';
import { changedFields, isUnchanged } from '../../core/inventory/changed-fields';
import { customFieldProblems } from '../../core/inventory/inventory-settings-rules';
import type { CustomFieldDefinition, CustomFieldFields } from '../../core/inventory/inventory-settings.types';
import { findCustomField, updateCustomField as writeCustomField } from '../../db/inventory/custom-field.repository';
import { requireOrganisation } from '../accounts/require-user';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';
import { notFound, staleVersion, throwIfInvalid } from './inventory-errors';
import type { InventoryDeps } from './inventory-deps';

/** The fields to change (left out = unchanged) and the version they were edited from. */
export type CustomFieldChanges = Partial<CustomFieldFields> & { readonly version: number };

const editable = (definition: CustomFieldDefinition): CustomFieldFields => ({
  labelJa: definition.labelJa,
  labelEn: definition.labelEn,
  type: definition.type,
  choices: definition.choices,
  required: definition.required,
});

/** Changes a custom field definition with optimistic locking (stale: CONFLICT with the stored one); audited. */
export async function updateCustomField(
  deps: InventoryDeps,
  input: { actor: Actor; key: string; changes: CustomFieldChanges; context?: RequestContext },
): Promise<CustomFieldDefinition> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const at = deps.clock();
  const { version, ...changes } = input.changes;
  return deps.database.db.transaction().execute(async (transaction) => {
    const before = await findCustomField(transaction, organisationId, input.key);
    if (!before) throw notFound('custom field');
    if (version !== before.version) throw staleVersion('custom field', before.version, before);
    const merged: CustomFieldDefinition = {
      ...before,
      ...(changes.labelJa !== undefined ? { labelJa: changes.labelJa.trim() } : {}),
      ...(changes.labelEn !== undefined ? { labelEn: changes.labelEn.trim() } : {}),
      ...(changes.type !== undefined ? { type: changes.type } : {}),
      ...(changes.choices !== undefined ? { choices: changes.choices.map((choice) => choice.trim()) } : {}),
      ...(changes.required !== undefined ? { required: changes.required } : {}),
    };
    throwIfInvalid('custom field', customFieldProblems(merged.key, merged));
    const changed = changedFields(editable(before), editable(merged));
    if (isUnchanged(changed)) return before;
    const after: CustomFieldDefinition = { ...merged, version: before.version + 1, updatedAt: at.toISOString() };
    if (!(await writeCustomField(transaction, organisationId, after, before.version)))
      throw staleVersion('custom field', before.version, before);
    await recordAudit(transaction, actor, input.context, at, {
      organisationId,
      action: 'custom_field.update',
      targetType: 'custom_field',
      targetId: after.key,
      before: changed.before,
      after: changed.after,
    });
    return after;
  });
}
