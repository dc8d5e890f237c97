import type { Kysely } from 'kysely';

/**
 * Probe reasons as codes (issue 14): each observation keeps, beside its English `reason`, the
 * JSON list of reason codes with their parameters, so clients say it in their language. Rows
 * stored before have NULL and are shown by their text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('probe_observation').addColumn('reason_codes', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('probe_observation').dropColumn('reason_codes').execute();
}
