import type { Kysely } from 'kysely';

// Vendor questionnaires (issue 12): a set of checksheet items put to a provider through an
// expiring link, and the provider's answers. Only the sha256 of the link's token is stored.
// item_ids is JSON text; timestamps ISO-8601 UTC text.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('questionnaire')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessment.id').onDelete('cascade'))
    .addColumn('provider_id', 'text', (c) => c.references('provider.id').onDelete('set null'))
    .addColumn('provider_name', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('item_ids', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('questionnaire_assessment_idx')
    .on('questionnaire')
    .columns(['organisation_id', 'assessment_id'])
    .execute();

  await db.schema
    .createTable('questionnaire_answer')
    .addColumn('questionnaire_id', 'text', (c) => c.notNull().references('questionnaire.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('free_text', 'text', (c) => c.notNull())
    .addColumn('answered_by', 'text')
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('questionnaire_answer_pk', ['questionnaire_id', 'item_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('questionnaire_answer').execute();
  await db.schema.dropTable('questionnaire').execute();
}
