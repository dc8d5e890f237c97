import type { Database } from '../../db/database';
import type { JobFileStore, SharedUploadStore } from '../../integrations/jobs/job-file-store';

/** What job use cases need: the database (the queue), a clock, the store of finished files. */
export interface JobDeps {
  readonly database: Database;
  readonly clock: () => Date;
  readonly jobFiles: JobFileStore;
  /**
   * Where uploads wait for their queued job when servers share nothing but the database
   * (EVIDENCE_STORE=postgres); without it they wait in this server's spool directory.
   */
  readonly sharedUploads?: SharedUploadStore;
  /** Tells this process's worker a job was queued, so it starts without waiting for its next poll. */
  readonly wakeJobWorker?: () => void;
}
