import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The device→identity mapping of the vulnerability matches loses its foreign key to the device
 * (issue 13): a first match of a million devices checked the key a million times, each check a
 * lookup that also locked the device row, and that was half the time of the run on PostgreSQL.
 * Deleting a device now deletes its mapping row itself (deleteDeviceRow); the views join the
 * device anyway. SQLite cannot drop a constraint, so there the table is rebuilt without it.
 */
const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`ALTER TABLE vulnerability_device_identity DROP CONSTRAINT vulnerability_device_identity_device_id_fkey`.execute(
      db,
    );
    return;
  }
  await rebuildSqlite(db, false);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Rows of devices deleted meanwhile would break the key.
  await sql`DELETE FROM vulnerability_device_identity WHERE device_id NOT IN (SELECT id FROM device)`.execute(db);
  if (isPostgres(db)) {
    await sql`ALTER TABLE vulnerability_device_identity ADD CONSTRAINT vulnerability_device_identity_device_id_fkey
      FOREIGN KEY (device_id) REFERENCES device (id) ON DELETE CASCADE`.execute(db);
    return;
  }
  await rebuildSqlite(db, true);
}

/** Copies the SQLite table into one with (or without) the foreign key and puts its index back. */
async function rebuildSqlite(db: Kysely<unknown>, withKey: boolean): Promise<void> {
  await db.schema
    .createTable('vulnerability_device_identity_next')
    .addColumn('device_id', 'bigint', (c) => {
      const key = c.primaryKey();
      return withKey ? key.references('device.id').onDelete('cascade') : key;
    })
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('identity_key', 'text', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO vulnerability_device_identity_next (device_id, organisation_id, identity_key)
    SELECT device_id, organisation_id, identity_key FROM vulnerability_device_identity`.execute(db);
  await db.schema.dropTable('vulnerability_device_identity').execute();
  await db.schema.alterTable('vulnerability_device_identity_next').renameTo('vulnerability_device_identity').execute();
  await db.schema
    .createIndex('vulnerability_device_identity_key_idx')
    .on('vulnerability_device_identity')
    .columns(['organisation_id', 'identity_key'])
    .execute();
}
