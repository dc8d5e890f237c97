import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import { customFieldProblems } from '../../core/inventory/inventory-settings-rules';
import type { CustomFieldDefinition, CustomFieldFields } from '../../core/inventory/inventory-settings.types';
import { findCustomField, insertCustomField } from '../../db/inventory/custom-field.repository';
import { requireOrganisation } from '../accounts/require-user';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';
import { throwIfInvalid } from './inventory-errors';
import type { InventoryDeps } from './inventory-deps';

/** A new custom field: its key and labels; text, optional and without choices unless said. */
export type CustomFieldInput = { readonly key: string } & Pick<CustomFieldFields, 'labelJa' | 'labelEn'> &
  Partial<CustomFieldFields>;

/** Defines a custom field for the organisation's devices (key unique per organisation); audited. */
export async function createCustomField(
  deps: InventoryDeps,
  input: { actor: Actor; field: CustomFieldInput; context?: RequestContext },
): Promise<CustomFieldDefinition> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const at = deps.clock();
  const given = input.field;
  const definition: CustomFieldDefinition = {
    key: given.key,
    labelJa: given.labelJa.trim(),
    labelEn: given.labelEn.trim(),
    type: given.type ?? 'text',
    choices: (given.choices ?? []).map((choice) => choice.trim()),
    required: given.required ?? false,
    version: 1,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  };
  throwIfInvalid('custom field', customFieldProblems(definition.key, definition));
  await deps.database.db.transaction().execute(async (transaction) => {
    if (await findCustomField(transaction, organisationId, definition.key))
      throw new DomainError('VALIDATION_FAILED', 'The custom field is not valid.', [
        { field: 'key', reason: 'this organisation already has a field with this key', code: 'invalid_value' },
      ]);
    await insertCustomField(transaction, organisationId, definition);
    const { version: _version, createdAt: _created, updatedAt: _updated, ...audited } = definition;
    await recordAudit(transaction, actor, input.context, at, {
      organisationId,
      action: 'custom_field.create',
      targetType: 'custom_field',
      targetId: definition.key,
      after: audited,
    });
  });
  return definition;
}
