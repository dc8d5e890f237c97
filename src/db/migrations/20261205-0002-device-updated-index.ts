import type { Kysely } from 'kysely';

/**
 * An index on the devices' update time per organisation (issue 13): a re-match reads only the
 * devices changed since its last run, and without it that is a walk over the whole estate.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('device_updated_idx').on('device').columns(['organisation_id', 'updated_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('device_updated_idx').execute();
}
