import type { Database } from '../../db/database';
import type { JobFileStore } from '../../integrations/jobs/job-file-store';

/** What job use cases need: the database (the queue), a clock, the store of finished files. */
export interface JobDeps {
  readonly database: Database;
  readonly clock: () => Date;
  readonly jobFiles: JobFileStore;
  /** Tells this process's worker a job was queued, so it starts without waiting for its next poll. */
  readonly wakeJobWorker?: () => void;
}
