import { PassThrough } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/database';
import { createDatabaseFileArea } from '../files/database-file-area';
import type { SharedUploadStore } from './job-file-store';

const JOB_ID = /^[0-9a-f-]{36}$/;

/**
 * Job files in PostgreSQL (EVIDENCE_STORE=postgres), so a report made by one server downloads from
 * any other. The report streams into a nameless row in 256 KiB chunks and is named by the job id
 * only when complete: a crash or a failing report never leaves a partial file to download (at
 * most a nameless row for the stale clean-up).
 */
export function createPostgresJobFileStore(
  files: Kysely<DatabaseSchema>,
  /** 'job' for job results; 'upload' for uploads waiting for their job (any server may run it). */
  areaName: 'job' | 'upload' = 'job',
): SharedUploadStore & {
  /** Deletes files cut off by a crash, last written to before `before`; returns how many. */
  removeStaleUploads(before: Date): Promise<number>;
} {
  const area = createDatabaseFileArea(files, areaName);
  const checked = (jobId: string): string => {
    if (!JOB_ID.test(jobId)) throw new Error(`not a job id: ${jobId}`);
    return jobId;
  };
  return {
    async save(jobId, write) {
      checked(jobId);
      const pipe = new PassThrough();
      // Each side reports its failure through its own promise. The stream's 'error' event can fire
      // before the store reads from it (a writer failing at once); unheard, it would end the process.
      pipe.on('error', () => undefined);
      const storing = area.write(pipe).catch((error: unknown) => {
        // Nobody reads the pipe any more: stop the writer rather than leave it waiting on a full pipe.
        pipe.destroy();
        throw error;
      });
      const producing = (async () => {
        try {
          await write(pipe);
          pipe.end();
        } catch (error) {
          pipe.destroy(error as Error);
          throw error;
        }
      })();
      const [stored] = await Promise.all([storing, producing]).catch(async (error: unknown) => {
        // Whichever side failed, the other must not leave a staging row behind.
        const settled = await storing.catch(() => undefined);
        if (settled) await area.discard(settled.id);
        throw error;
      });
      try {
        await area.commit(stored.id, jobId);
      } catch (error) {
        await area.discard(stored.id).catch(() => undefined);
        throw error;
      }
      return { bytes: stored.sizeBytes };
    },
    open: (jobId) => area.open(checked(jobId)),
    remove: (jobId) => area.remove(checked(jobId)),
    removeStaleUploads: (before) => area.removeStale(before),
    namesWrittenBefore: (before) => area.namesWrittenBefore(before),
  };
}
