import { sql, type Kysely, type Transaction } from 'kysely';
import type { DatabaseSchema } from '../database';

type Executor = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

/** The stored files rows refer to: evidence contents by sha256, finished job files by job id. */
export interface FileReferences {
  readonly evidence: readonly string[];
  readonly jobs: readonly string[];
}

/**
 * Lists the files the rows visible to `executor` refer to. Read inside the backup's snapshot, it
 * names exactly the files that snapshot needs; evidence is content-addressed and never changes
 * once written, so copying those hashes afterwards copies the bytes the snapshot meant.
 */
export async function readFileReferences(executor: Executor): Promise<FileReferences> {
  const evidence = await sql<{ sha256: string }>`
    SELECT DISTINCT sha256 FROM evidence WHERE sha256 IS NOT NULL ORDER BY sha256`.execute(executor);
  const jobs = await sql<{ id: string }>`
    SELECT id FROM job WHERE status = 'succeeded' AND result_name IS NOT NULL ORDER BY id`.execute(executor);
  return { evidence: evidence.rows.map((row) => row.sha256), jobs: jobs.rows.map((row) => row.id) };
}
