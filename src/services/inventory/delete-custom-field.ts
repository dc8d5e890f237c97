import type { Actor } from '../../core/auth/actor';
import { deleteCustomField as removeCustomField, findCustomField } from '../../db/inventory/custom-field.repository';
import { requireOrganisation } from '../accounts/require-user';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';
import { notFound, staleVersion } from './inventory-errors';
import type { InventoryDeps } from './inventory-deps';

/**
 * Removes a custom field definition seen at `version` (stale: CONFLICT). Values devices already
 * carry under the key stay in their custom fields; audited.
 */
export async function deleteCustomField(
  deps: InventoryDeps,
  input: { actor: Actor; key: string; version: number; context?: RequestContext },
): Promise<void> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const at = deps.clock();
  await deps.database.db.transaction().execute(async (transaction) => {
    const before = await findCustomField(transaction, organisationId, input.key);
    if (!before) throw notFound('custom field');
    if (
      input.version !== before.version ||
      !(await removeCustomField(transaction, organisationId, before.key, input.version))
    )
      throw staleVersion('custom field', before.version, before);
    await recordAudit(transaction, actor, input.context, at, {
      organisationId,
      action: 'custom_field.delete',
      targetType: 'custom_field',
      targetId: before.key,
      before: { labelJa: before.labelJa, labelEn: before.labelEn, type: before.type },
    });
  });
}
