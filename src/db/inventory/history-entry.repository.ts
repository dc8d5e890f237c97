import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database';

type Db = Kysely<DatabaseSchema>;

/** One change of an inventory record as kept in inventory_history (before/after: changed fields only). */
export interface HistoryEntry {
  readonly id: string;
  readonly entityKind: 'device' | 'provider' | 'stakeholder' | 'data_flow';
  readonly entityId: string;
  readonly version: number;
  readonly action: 'create' | 'update' | 'delete';
  readonly changedAt: string;
  readonly changedBy: string | null;
  readonly before: Readonly<Record<string, unknown>> | null;
  readonly after: Readonly<Record<string, unknown>> | null;
}

/** Appends one history entry (call it in the transaction of the change). */
export async function appendHistoryEntry(db: Db, organisationId: string, entry: HistoryEntry): Promise<void> {
  await db
    .insertInto('inventory_history')
    .values({
      id: entry.id,
      organisation_id: organisationId,
      entity_kind: entry.entityKind,
      entity_id: entry.entityId,
      version: entry.version,
      action: entry.action,
      changed_at: entry.changedAt,
      changed_by: entry.changedBy,
      import_id: null,
      before: entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === null ? null : JSON.stringify(entry.after),
    })
    .execute();
}

/** The history of one record, oldest first. */
export async function listHistoryEntries(
  db: Db,
  organisationId: string,
  entityKind: HistoryEntry['entityKind'],
  entityId: string,
): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('inventory_history')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('entity_kind', '=', entityKind)
    .where('entity_id', '=', entityId)
    .orderBy('changed_at')
    .orderBy('version')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    entityKind: row.entity_kind as HistoryEntry['entityKind'],
    entityId: row.entity_id,
    version: Number(row.version),
    action: row.action as HistoryEntry['action'],
    changedAt: row.changed_at,
    changedBy: row.changed_by,
    before: row.before === null ? null : (JSON.parse(row.before) as Record<string, unknown>),
    after: row.after === null ? null : (JSON.parse(row.after) as Record<string, unknown>),
  }));
}
