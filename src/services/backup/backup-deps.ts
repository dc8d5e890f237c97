import type { Database } from '../../db/database';
import type { EvidenceStore } from '../../integrations/evidence/evidence-store';
import type { JobFileStore } from '../../integrations/jobs/job-file-store';

/** What backup and restore work on: the database and the two file stores, through their interfaces. */
export interface BackupDeps {
  readonly database: Database;
  readonly evidenceStore: EvidenceStore;
  readonly jobFiles: JobFileStore;
  readonly clock: () => Date;
}
