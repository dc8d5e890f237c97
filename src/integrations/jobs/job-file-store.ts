import { createReadStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { writeFileAtomically } from '../files/write-file-atomically';

/** Where the files background jobs produce (reports, exports) are kept until they expire. */
export interface JobFileStore {
  /** Writes the job's file completely (or not at all) and returns its size. */
  save(jobId: string, write: (destination: Writable) => Promise<void>): Promise<{ bytes: number }>;
  /** The stored file of the job, opened now; undefined when there is none. */
  open(jobId: string): Promise<Readable | undefined>;
  /** Deletes the job's file (no error when it is already gone). */
  remove(jobId: string): Promise<void>;
}

/**
 * Uploads waiting for their job where every server reads them (EVIDENCE_STORE=postgres), each
 * named by a UUID its job's params carry.
 */
export interface SharedUploadStore extends JobFileStore {
  /** Names of the uploads last written to before `before` (candidates for a sweep). */
  namesWrittenBefore(before: Date): Promise<string[]>;
}

const JOB_ID = /^[0-9a-f-]{36}$/;

/**
 * Job files on the local disk under `<root>/<job id>`, written through a temporary file and a
 * rename, so a crash mid-report never leaves a partial file to download. (Several servers need a
 * shared directory or the database-backed store of the scale-out work.)
 */
export function createJobFileStore(root: string): JobFileStore {
  const pathOf = (jobId: string): string => {
    if (!JOB_ID.test(jobId)) throw new Error(`not a job id: ${jobId}`);
    return join(root, jobId);
  };
  return {
    async save(jobId, write) {
      await mkdir(root, { recursive: true });
      const path = pathOf(jobId);
      await writeFileAtomically(path, write);
      return { bytes: (await stat(path)).size };
    },
    async open(jobId) {
      const path = pathOf(jobId);
      try {
        await stat(path);
      } catch {
        return undefined;
      }
      return createReadStream(path);
    },
    async remove(jobId) {
      await rm(pathOf(jobId), { force: true });
    },
  };
}
