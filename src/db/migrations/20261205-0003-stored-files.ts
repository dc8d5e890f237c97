import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Files kept in the database (EVIDENCE_STORE=postgres), so several servers share evidence and
 * report files with nothing but PostgreSQL. A file is one `stored_file` row and its bytes in
 * `stored_file_chunk` rows of up to 256 KiB. While an upload streams in, its row has no name
 * (staging); naming it is the commit. A crash leaves at most a nameless row, which the start-up
 * clean-up deletes with its chunks.
 *
 * The tables exist on SQLite too (same schema on both dialects) but stay empty there: with SQLite
 * there is one server and files live under DATA_DIR.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('stored_file')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Which store the file belongs to: 'evidence' (named by sha256) or 'job' (named by job id).
    .addColumn('area', 'text', (c) => c.notNull())
    // NULL while staging; unique per area once committed.
    .addColumn('name', 'text')
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Last chunk written: a staging row untouched for long was cut off by a crash.
    .addColumn('touched_at', 'text', (c) => c.notNull())
    .execute();
  // NULL names are distinct on both dialects, so any number of uploads can stage at once.
  await db.schema.createIndex('stored_file_name_idx').on('stored_file').columns(['area', 'name']).unique().execute();
  await db.schema
    .createIndex('stored_file_staging_idx')
    .on('stored_file')
    .column('touched_at')
    .where(sql.ref('name'), 'is', null)
    .execute();
  await db.schema
    .createTable('stored_file_chunk')
    .addColumn('file_id', 'text', (c) => c.notNull().references('stored_file.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('data', isPostgres ? sql`bytea` : 'blob', (c) => c.notNull())
    .addPrimaryKeyConstraint('stored_file_chunk_pk', ['file_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('stored_file_chunk').execute();
  await db.schema.dropTable('stored_file').execute();
}
