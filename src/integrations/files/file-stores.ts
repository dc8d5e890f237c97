import { join } from 'node:path';
import type { AppConfig } from '../../config/config';
import { connectDatabase } from '../../db/connect';
import { createEvidenceStore, type EvidenceStore } from '../evidence/evidence-store';
import { createPostgresEvidenceStore } from '../evidence/postgres-evidence-store';
import { createJobFileStore, type JobFileStore, type SharedUploadStore } from '../jobs/job-file-store';
import { createPostgresJobFileStore } from '../jobs/postgres-job-file-store';

/** A staging upload in the shared store untouched this long was cut off by a crash of some server. */
const SHARED_STAGING_STALE_MS = 3_600_000;

/** Where this server keeps evidence and job files (EVIDENCE_STORE), and how to let go of them. */
export interface FileStores {
  readonly evidenceStore: EvidenceStore;
  readonly jobFiles: JobFileStore;
  /**
   * Uploads waiting for a queued job, kept where every server reads them (EVIDENCE_STORE=postgres);
   * undefined with the local store, whose uploads wait in DATA_DIR/tmp.
   */
  readonly sharedUploads?: SharedUploadStore;
  /** Clears uploads and reports that a crash cut off; call before serving. Returns how many. */
  removeStaleUploads(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The local stores under DATA_DIR (one server owns them), or the PostgreSQL ones shared by every
 * server. The PostgreSQL stores get two small pools of their own: one for chunk reads and writes,
 * one for content locks (see createPostgresEvidenceStore for why they must differ).
 */
export function openFileStores(config: AppConfig): FileStores {
  if (config.fileStore === 'local') {
    const evidenceStore = createEvidenceStore(join(config.dataDir, 'evidence'));
    return {
      evidenceStore,
      jobFiles: createJobFileStore(join(config.dataDir, 'jobs')),
      // DATA_DIR belongs to this one server process and it is not serving yet, so every temporary
      // upload file there was cut off by a crash or kill of an earlier run.
      removeStaleUploads: () => evidenceStore.removeStaleUploads(new Date()),
      close: async () => undefined,
    };
  }
  const files = connectDatabase(config.database, { maxConnections: 4 });
  const locks = connectDatabase(config.database, { maxConnections: 4 });
  const evidenceStore = createPostgresEvidenceStore({ files: files.db, locks: locks.db });
  const jobFiles = createPostgresJobFileStore(files.db);
  const sharedUploads = createPostgresJobFileStore(files.db, 'upload');
  return {
    evidenceStore,
    jobFiles,
    sharedUploads,
    // Other servers may be streaming uploads right now: only rows nobody wrote to for an hour go.
    async removeStaleUploads() {
      const before = new Date(Date.now() - SHARED_STAGING_STALE_MS);
      const stale = await Promise.all([
        evidenceStore.removeStaleUploads(before),
        jobFiles.removeStaleUploads(before),
        sharedUploads.removeStaleUploads(before),
      ]);
      return stale.reduce((sum, count) => sum + count, 0);
    },
    close: async () => {
      await Promise.all([files.close(), locks.close()]);
    },
  };
}
