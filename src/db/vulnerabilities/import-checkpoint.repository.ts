import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database';
import type { AdvisoryImportCheckpointTable } from './confirmation.table';

// Checkpoints of an advisory import run: the files it has finished, so a restart skips them.

type Db = Kysely<DatabaseSchema>;

export async function findImportCheckpoint(
  db: Db,
  runKey: string,
  file: string,
): Promise<AdvisoryImportCheckpointTable | undefined> {
  return db
    .selectFrom('advisory_import_checkpoint')
    .selectAll()
    .where('run_key', '=', runKey)
    .where('file', '=', file)
    .executeTakeFirst();
}

/** Marks a file finished (in the file's own transaction, so it is exactly as durable as its rows). */
export async function insertImportCheckpoint(db: Db, row: AdvisoryImportCheckpointTable): Promise<void> {
  await db
    .insertInto('advisory_import_checkpoint')
    .values(row)
    .onConflict((conflict) =>
      conflict.columns(['run_key', 'file']).doUpdateSet({ fingerprint: row.fingerprint, finished_at: row.finished_at }),
    )
    .execute();
}

/** Forgets a run that finished every file. */
export async function clearImportCheckpoints(db: Db, runKey: string): Promise<void> {
  await db.deleteFrom('advisory_import_checkpoint').where('run_key', '=', runKey).execute();
}
