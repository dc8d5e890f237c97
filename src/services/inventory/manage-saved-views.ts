import { randomUUID } from 'node:crypto';
import type { Actor } from '../../core/auth/actor';
import { DomainError, type ProblemDetail } from '../../core/domain-error';
import {
  deleteSavedView as deleteViewRow,
  findSavedView,
  insertSavedView,
  listSavedViews as listViewRows,
} from '../../db/inventory/saved-view.repository';
import type { InventorySavedViewTable } from '../../db/inventory/inventory.table';
import { recordAudit } from '../audit/record-audit';
import { requireOrganisation } from '../accounts/require-user';
import type { RequestContext } from '../auth/account-deps';
import type { InventoryDeps } from './inventory-deps';

/** A saved device-list query; `shared` views are everyone's in the organisation, others their creator's. */
export interface SavedView {
  readonly id: string;
  readonly name: string;
  readonly query: string;
  readonly shared: boolean;
}

const present = (row: InventorySavedViewTable): SavedView => ({
  id: row.id,
  name: row.name,
  query: row.query,
  shared: row.owner_user_id === null,
});

/** The views the actor sees: their own and the shared ones, by name. */
export async function listSavedViews(
  deps: Pick<InventoryDeps, 'database'>,
  input: { actor: Actor },
): Promise<{ views: SavedView[] }> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  return { views: (await listViewRows(deps.database.db, organisationId, actor.userId)).map(present) };
}

/** Saves a list query under a name (the query string of the device list, without a cursor). */
export async function createSavedView(
  deps: InventoryDeps,
  input: { actor: Actor; name: string; query: string; shared?: boolean; context?: RequestContext },
): Promise<SavedView> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const name = input.name.trim();
  const query = input.query.replace(/^\?/, '');
  const problems: ProblemDetail[] = [];
  if (name === '') problems.push({ field: 'name', reason: 'cannot be blank', code: 'blank' });
  if (name.length > 100)
    problems.push({ field: 'name', reason: 'use at most 100 characters', code: 'max_length', params: { limit: 100 } });
  if (query.length > 4000)
    problems.push({
      field: 'query',
      reason: 'use at most 4000 characters',
      code: 'max_length',
      params: { limit: 4000 },
    });
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'The view is not valid.', problems);
  const now = deps.clock();
  const row: InventorySavedViewTable = {
    id: randomUUID(),
    organisation_id: organisationId,
    owner_user_id: input.shared === true || actor.userId === '' ? null : actor.userId,
    name,
    query,
    created_at: now.toISOString(),
  };
  await deps.database.db.transaction().execute(async (transaction) => {
    await insertSavedView(transaction, row);
    await recordAudit(transaction, actor, input.context, now, {
      organisationId,
      action: 'inventory_view.create',
      targetType: 'inventory_view',
      targetId: row.id,
      after: { name, query, shared: row.owner_user_id === null },
    });
  });
  return present(row);
}

/** Deletes one of the actor's own views or a shared one; someone else's own view reads as missing. */
export async function deleteSavedView(
  deps: InventoryDeps,
  input: { actor: Actor; viewId: string; context?: RequestContext },
): Promise<void> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  await deps.database.db.transaction().execute(async (transaction) => {
    const row = await findSavedView(transaction, organisationId, input.viewId);
    if (!row || (row.owner_user_id !== null && row.owner_user_id !== actor.userId))
      throw new DomainError('NOT_FOUND', 'No such saved view.');
    await deleteViewRow(transaction, organisationId, row.id);
    await recordAudit(transaction, actor, input.context, deps.clock(), {
      organisationId,
      action: 'inventory_view.delete',
      targetType: 'inventory_view',
      targetId: row.id,
      before: { name: row.name, query: row.query, shared: row.owner_user_id === null },
    });
  });
}
