import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { UserActor } from '../../core/auth/actor';
import { changedFields } from '../../core/inventory/changed-fields';
import type { DatabaseSchema } from '../../db/database';
import { appendHistoryEntry, type HistoryEntry } from '../../db/inventory/history-entry.repository';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';

/** A change of a provider, stakeholder or data flow, with the record before and after (null = none). */
export interface InventoryChange {
  readonly organisationId: string;
  readonly entityKind: Exclude<HistoryEntry['entityKind'], 'device'>;
  readonly entityId: string;
  readonly version: number;
  readonly action: HistoryEntry['action'];
  readonly before: object | null;
  readonly after: object | null;
}

/**
 * Keeps a change twice inside the caller's transaction: as inventory history (changed fields only)
 * and as an audit event `<entity_kind>.<action>` with the same before/after.
 */
export async function recordInventoryChange(
  transaction: Transaction<DatabaseSchema>,
  actor: UserActor,
  context: RequestContext | undefined,
  at: Date,
  change: InventoryChange,
): Promise<void> {
  const changes = changedFields(change.before, change.after);
  await appendHistoryEntry(transaction, change.organisationId, {
    id: randomUUID(),
    entityKind: change.entityKind,
    entityId: change.entityId,
    version: change.version,
    action: change.action,
    changedAt: at.toISOString(),
    changedBy: actor.userId === '' ? null : actor.userId,
    before: change.before === null ? null : changes.before,
    after: change.after === null ? null : changes.after,
  });
  await recordAudit(transaction, actor, context, at, {
    organisationId: change.organisationId,
    action: `${change.entityKind}.${change.action}`,
    targetType: change.entityKind,
    targetId: change.entityId,
    ...(change.before === null ? {} : { before: changes.before }),
    ...(change.after === null ? {} : { after: changes.after }),
  });
}
