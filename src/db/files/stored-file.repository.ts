import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database';

type Db = Kysely<DatabaseSchema>;

/** Starts a nameless (staging) file in `area`. */
export async function insertStagingFile(db: Db, file: { id: string; area: string; at: string }): Promise<void> {
  await db
    .insertInto('stored_file')
    .values({ id: file.id, area: file.area, name: null, size_bytes: 0, created_at: file.at, touched_at: file.at })
    .execute();
}

/** Appends chunk `seq` to a staging file and moves its size and touched time on. */
export async function appendChunk(
  db: Db,
  chunk: { fileId: string; seq: number; data: Uint8Array; sizeBytes: number; at: string },
): Promise<void> {
  await db
    .insertInto('stored_file_chunk')
    .values({ file_id: chunk.fileId, seq: chunk.seq, data: chunk.data })
    .execute();
  await db
    .updateTable('stored_file')
    .set({ size_bytes: chunk.sizeBytes, touched_at: chunk.at })
    .where('id', '=', chunk.fileId)
    .execute();
}

/**
 * Gives a staging file its name in one transaction. An existing file of that name is replaced
 * (for content-addressed evidence it holds the same bytes). False when the staging row is gone.
 */
export async function nameStagingFile(db: Db, file: { id: string; area: string; name: string }): Promise<boolean> {
  return db.transaction().execute(async (transaction) => {
    await transaction
      .deleteFrom('stored_file')
      .where('area', '=', file.area)
      .where('name', '=', file.name)
      .where('id', '!=', file.id)
      .execute();
    const result = await transaction
      .updateTable('stored_file')
      .set({ name: file.name })
      .where('id', '=', file.id)
      .where('name', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  });
}

/** The committed file named `name` in `area`: its id and size; undefined when there is none. */
export async function findStoredFile(
  db: Db,
  area: string,
  name: string,
): Promise<{ id: string; sizeBytes: number } | undefined> {
  const row = await db
    .selectFrom('stored_file')
    .select(['id', 'size_bytes'])
    .where('area', '=', area)
    .where('name', '=', name)
    .executeTakeFirst();
  return row ? { id: row.id, sizeBytes: Number(row.size_bytes) } : undefined;
}

/** Chunk `seq` of a file; undefined past its end (or when the file was deleted meanwhile). */
export async function readChunk(db: Db, fileId: string, seq: number): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom('stored_file_chunk')
    .select('data')
    .where('file_id', '=', fileId)
    .where('seq', '=', seq)
    .executeTakeFirst();
  return row?.data;
}

/** Deletes a file by id with its chunks (staging or committed). */
export async function deleteStoredFileById(db: Db, id: string): Promise<void> {
  await db.deleteFrom('stored_file').where('id', '=', id).execute();
}

/** Deletes the committed file named `name` in `area` with its chunks (none: nothing happens). */
export async function deleteStoredFile(db: Db, area: string, name: string): Promise<void> {
  await db.deleteFrom('stored_file').where('area', '=', area).where('name', '=', name).execute();
}

/** Deletes staging files of `area` last touched before `before`; returns how many. */
export async function deleteStaleStagingFiles(db: Db, area: string, before: string): Promise<number> {
  const result = await db
    .deleteFrom('stored_file')
    .where('area', '=', area)
    .where('name', 'is', null)
    .where('touched_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Names of the committed files of `area` last written before `before`. */
export async function listNamedFilesWrittenBefore(db: Db, area: string, before: string): Promise<string[]> {
  const rows = await db
    .selectFrom('stored_file')
    .select('name')
    .where('area', '=', area)
    .where('name', 'is not', null)
    .where('touched_at', '<', before)
    .execute();
  return rows.flatMap((row) => (row.name === null ? [] : [row.name]));
}
