import type { Kysely } from 'kysely';

/** Four-eyes review: an organisation may require answers to be accepted by someone who did not write them. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('organisation')
    .addColumn('require_separate_reviewer', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organisation').dropColumn('require_separate_reviewer').execute();
}
