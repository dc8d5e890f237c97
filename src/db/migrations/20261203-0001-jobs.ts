import type { Kysely } from 'kysely';

/**
 * The background job queue: reports and exports now, imports, matching and probes later. One row
 * per job; a server claims the oldest runnable row (FOR UPDATE SKIP LOCKED on PostgreSQL, so
 * several servers share the queue) and holds it by a lease it renews while it works. A server that
 * dies lets its lease run out, and another claims the job again (attempts counts the claims).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('job')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('result_name', 'text')
    .addColumn('result_media_type', 'text')
    .addColumn('result_bytes', 'integer')
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('job_runnable_idx').on('job').columns(['status', 'created_at']).execute();
  await db.schema
    .createIndex('job_subject_idx')
    .on('job')
    .columns(['organisation_id', 'subject_type', 'subject_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('job').execute();
}
