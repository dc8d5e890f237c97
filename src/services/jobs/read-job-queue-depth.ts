import type { Database } from '../../db/database';
import { countJobsByKindAndStatus, type JobCount } from '../../db/jobs/job-counts.repository';

/**
 * Jobs per kind and status over the whole installation, for operators' metrics. It names no
 * organisation and no job, so it needs no actor; the edge that shows it guards it (METRICS_TOKEN).
 */
export async function readJobQueueDepth(deps: { database: Database }): Promise<JobCount[]> {
  return countJobsByKindAndStatus(deps.database.db);
}
