import type { Actor } from '../../core/auth/actor';
import { changedFields } from '../../core/inventory/changed-fields';
import { columnMappingProblems } from '../../core/inventory/inventory-settings-rules';
import type { ColumnMapping } from '../../core/inventory/inventory-settings.types';
import {
  findColumnMapping,
  saveColumnMapping as writeColumnMapping,
  type StoredColumnMapping,
} from '../../db/inventory/column-mapping.repository';
import { requireOrganisation } from '../accounts/require-user';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';
import { staleVersion, throwIfInvalid } from './inventory-errors';
import type { InventoryDeps } from './inventory-deps';

/**
 * Replaces the organisation's saved import column mapping. `version` is the one read (0 when none
 * was saved yet); a stale one is CONFLICT carrying the stored mapping. Audited with the headers
 * that changed.
 */
export async function saveColumnMapping(
  deps: InventoryDeps,
  input: { actor: Actor; mapping: ColumnMapping; version: number; context?: RequestContext },
): Promise<StoredColumnMapping> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const at = deps.clock();
  const mapping = Object.fromEntries(Object.entries(input.mapping).map(([header, key]) => [header.trim(), key.trim()]));
  throwIfInvalid('column mapping', columnMappingProblems(mapping));
  return deps.database.db.transaction().execute(async (transaction) => {
    const before = await findColumnMapping(transaction, organisationId);
    const saved = () =>
      writeColumnMapping(transaction, organisationId, mapping, input.version, {
        updatedAt: at.toISOString(),
        updatedBy: actor.userId === '' ? null : actor.userId,
      });
    if (input.version !== before.version || !(await saved()))
      throw staleVersion('column mapping', before.version, before);
    const changed = changedFields(before.mapping, mapping);
    await recordAudit(transaction, actor, input.context, at, {
      organisationId,
      action: 'column_mapping.update',
      targetType: 'column_mapping',
      targetId: organisationId,
      before: changed.before,
      after: changed.after,
    });
    return { mapping, version: input.version + 1, updatedAt: at.toISOString() };
  });
}
