import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/database';
import {
  appendChunk,
  deleteStaleStagingFiles,
  deleteStoredFile,
  deleteStoredFileById,
  findStoredFile,
  insertStagingFile,
  listNamedFilesWrittenBefore,
  nameStagingFile,
  readChunk,
} from '../../db/files/stored-file.repository';

/** Bytes per stored chunk: large enough for few rows, small enough never to hold a file in memory. */
export const CHUNK_BYTES = 256 * 1024;

/** Files of one area ('evidence', 'job') kept as chunked rows in the database. */
export interface DatabaseFileArea {
  /**
   * Streams `source` into a new staging (nameless) file, one chunk at a time. `observe` sees every
   * piece first and may throw to refuse it; on any failure the staging file is deleted before this
   * rejects (if the database still answers; else the stale clean-up takes it later).
   */
  write(
    source: AsyncIterable<Uint8Array | string>,
    observe?: (bytes: Buffer) => void,
  ): Promise<{ id: string; sizeBytes: number }>;
  /** Names a staging file, replacing a file of the same name; throws when the staging file is gone. */
  commit(id: string, name: string): Promise<void>;
  /** Deletes a staging file (or any file) by id. */
  discard(id: string): Promise<void>;
  /** Streams a file by id, chunk by chunk; errors if the file shrinks or vanishes while read. */
  read(id: string, sizeBytes: number): Readable;
  /** The named file, opened now; undefined when there is none. */
  open(name: string): Promise<Readable | undefined>;
  has(name: string): Promise<boolean>;
  remove(name: string): Promise<void>;
  /** Deletes staging files last written to before `before`; returns how many. */
  removeStale(before: Date): Promise<number>;
  /** Names of the committed files last written to before `before`. */
  namesWrittenBefore(before: Date): Promise<string[]>;
}

/** The chunked-row store of `area` in `db` (PostgreSQL in production). */
export function createDatabaseFileArea(db: Kysely<DatabaseSchema>, area: string): DatabaseFileArea {
  const read = (id: string, sizeBytes: number): Readable => {
    const chunkCount = Math.ceil(sizeBytes / CHUNK_BYTES);
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let seq = 0; seq < chunkCount; seq += 1) {
        const data = await readChunk(db, id, seq);
        if (!data) throw new Error(`stored file ${id} lost chunk ${seq} while being read (deleted meanwhile?)`);
        yield Buffer.from(data);
      }
    }
    return Readable.from(chunks(), { objectMode: false });
  };

  return {
    async write(source, observe) {
      const id = randomUUID();
      await insertStagingFile(db, { id, area, at: new Date().toISOString() });
      let seq = 0;
      let sizeBytes = 0;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      const flush = async (data: Buffer): Promise<void> => {
        await appendChunk(db, {
          fileId: id,
          seq,
          data,
          sizeBytes: seq * CHUNK_BYTES + data.length,
          at: new Date().toISOString(),
        });
        seq += 1;
      };
      try {
        for await (const piece of source) {
          const bytes =
            typeof piece === 'string'
              ? Buffer.from(piece)
              : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
          observe?.(bytes);
          sizeBytes += bytes.length;
          pending.push(bytes);
          pendingBytes += bytes.length;
          while (pendingBytes >= CHUNK_BYTES) {
            const joined = Buffer.concat(pending);
            await flush(joined.subarray(0, CHUNK_BYTES));
            pending = [joined.subarray(CHUNK_BYTES)];
            pendingBytes -= CHUNK_BYTES;
          }
        }
        if (pendingBytes > 0) await flush(Buffer.concat(pending));
        return { id, sizeBytes };
      } catch (error) {
        await deleteStoredFileById(db, id).catch(() => undefined);
        throw error;
      }
    },

    async commit(id, name) {
      if (!(await nameStagingFile(db, { id, area, name })))
        throw new Error(`staged file ${id} is gone (cleared as stale?); it cannot be stored as ${name}`);
    },

    async discard(id) {
      await deleteStoredFileById(db, id);
    },

    read,

    async open(name) {
      const file = await findStoredFile(db, area, name);
      return file ? read(file.id, file.sizeBytes) : undefined;
    },

    async has(name) {
      return (await findStoredFile(db, area, name)) !== undefined;
    },

    async remove(name) {
      await deleteStoredFile(db, area, name);
    },

    async removeStale(before) {
      return deleteStaleStagingFiles(db, area, before.toISOString());
    },

    namesWrittenBefore: (before) => listNamedFilesWrittenBefore(db, area, before.toISOString()),
  };
}
