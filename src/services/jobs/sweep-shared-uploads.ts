import { listLiveJobParams } from '../../db/jobs/job.repository';
import type { JobDeps } from './job-deps';
import { SHARED_UPLOAD_PARAM } from './spooled-upload';
import { SPOOL_SWEEP_MIN_AGE_MS } from './sweep-spool-dir';

/**
 * Removes the uploads in the shared store (EVIDENCE_STORE=postgres) that no queued or running job
 * names: a server died between keeping an upload and queueing its job, or a job ended in a way
 * that could not remove its upload (its last attempt cut off by a crash). Only uploads untouched
 * for `minAgeMs` (longer than a request may last), so an upload just kept for a job about to be
 * queued stays. Returns how many went.
 */
export async function sweepSharedUploads(
  deps: Pick<JobDeps, 'database' | 'clock' | 'sharedUploads'>,
  options: { readonly minAgeMs?: number } = {},
): Promise<number> {
  const store = deps.sharedUploads;
  if (!store) return 0;
  const before = new Date(deps.clock().getTime() - (options.minAgeMs ?? SPOOL_SWEEP_MIN_AGE_MS));
  const candidates = await store.namesWrittenBefore(before);
  if (candidates.length === 0) return 0;
  // Read after the candidates: a job queued meanwhile names an upload already listed, and keeps it.
  const wanted = new Set((await listLiveJobParams(deps.database.db)).map((params) => params[SHARED_UPLOAD_PARAM]));
  const orphans = candidates.filter((name) => !wanted.has(name));
  for (const name of orphans) await store.remove(name);
  return orphans.length;
}
