import type { Actor } from '../../core/auth/actor';
import { DomainError, type ProblemDetail } from '../../core/domain-error';
import { insertHistoryRows } from '../../db/inventory/device-history.repository';
import {
  deleteDeviceLinks,
  existingDeviceIds,
  insertDeviceLinks,
  linkedDeviceIds,
} from '../../db/inventory/device-system.repository';
import { findSystem } from '../../db/system.repository';
import { recordAudit } from '../audit/record-audit';
import { requireOrganisation } from '../accounts/require-user';
import type { RequestContext } from '../auth/account-deps';
import type { InventoryDeps } from './inventory-deps';
import { deviceHistoryRow, writerId } from './record-device-change';

/**
 * Adds devices to a system and removes others, in one transaction. Unknown device ids (or
 * another organisation's) are refused by position; adding a linked device or removing an
 * unlinked one changes nothing. Each device that changes gets a history row (`systemIds`
 * before/after); one audit entry records the system, the ids and the counts.
 */
export async function linkSystemDevices(
  deps: InventoryDeps,
  input: {
    actor: Actor;
    systemId: string;
    add: readonly number[];
    remove: readonly number[];
    context?: RequestContext;
  },
): Promise<{ added: number; removed: number }> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const now = deps.clock();
  return deps.database.db.transaction().execute(async (transaction) => {
    if (!(await findSystem(transaction, organisationId, input.systemId)))
      throw new DomainError('NOT_FOUND', 'No such system in this organisation.');
    const existing = await existingDeviceIds(transaction, organisationId, [...input.add, ...input.remove]);
    const problems: ProblemDetail[] = [];
    const check = (list: readonly number[], name: string) =>
      list.forEach((id, index) => {
        if (!existing.has(id))
          problems.push({ field: `${name}[${index}]`, reason: `no device ${id}`, code: 'invalid_value' });
      });
    check(input.add, 'add');
    check(input.remove, 'remove');
    const removing = new Set(input.remove);
    const both = input.add.filter((id) => removing.has(id));
    if (both.length > 0)
      problems.push({ field: 'remove', reason: `both added and removed: ${both.join(', ')}`, code: 'invalid_value' });
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'The device links are not valid.', problems);
    const linked = await linkedDeviceIds(transaction, organisationId, input.systemId, [...input.add, ...input.remove]);
    const toAdd = [...new Set(input.add)].filter((id) => !linked.has(id));
    const toRemove = [...new Set(input.remove)].filter((id) => linked.has(id));
    await insertDeviceLinks(transaction, organisationId, input.systemId, toAdd);
    await deleteDeviceLinks(transaction, organisationId, input.systemId, toRemove);
    const at = now.toISOString();
    const by = writerId(actor);
    const history = [
      ...toAdd.map((id) => ({ id, before: [] as string[], after: [input.systemId] })),
      ...toRemove.map((id) => ({ id, before: [input.systemId], after: [] as string[] })),
    ].map(({ id, before, after }) =>
      deviceHistoryRow({
        organisationId,
        deviceId: id,
        version: 0,
        action: 'update',
        at,
        by,
        before: { systemIds: before },
        after: { systemIds: after },
      }),
    );
    await insertHistoryRows(transaction, history);
    if (toAdd.length + toRemove.length > 0)
      await recordAudit(transaction, actor, input.context, now, {
        organisationId,
        action: 'system.devices_linked',
        targetType: 'system',
        targetId: input.systemId,
        after: { added: toAdd, removed: toRemove },
      });
    return { added: toAdd.length, removed: toRemove.length };
  });
}
