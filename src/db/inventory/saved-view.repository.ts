import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database';
import type { InventorySavedViewTable } from './inventory.table';

// Saved device-list queries: a user's own (owner_user_id) or shared with the organisation (null).

type Db = Kysely<DatabaseSchema>;

/** The views a user sees: their own and the shared ones, by name. */
export async function listSavedViews(
  db: Db,
  organisationId: string,
  userId: string,
): Promise<InventorySavedViewTable[]> {
  return db
    .selectFrom('inventory_saved_view')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('owner_user_id', '=', userId), eb('owner_user_id', 'is', null)]))
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function insertSavedView(db: Db, view: InventorySavedViewTable): Promise<void> {
  await db.insertInto('inventory_saved_view').values(view).execute();
}

export async function findSavedView(
  db: Db,
  organisationId: string,
  id: string,
): Promise<InventorySavedViewTable | undefined> {
  return db
    .selectFrom('inventory_saved_view')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function deleteSavedView(db: Db, organisationId: string, id: string): Promise<void> {
  await db
    .deleteFrom('inventory_saved_view')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}
