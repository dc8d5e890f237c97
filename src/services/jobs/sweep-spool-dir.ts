import { readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { listLiveJobParams } from '../../db/jobs/job.repository';
import type { JobDeps } from './job-deps';
import { SPOOLED_UPLOAD_PREFIX, spooledUploadOf } from './spooled-upload';

/**
 * How long a spooled upload must have been left untouched before a sweep may take it: longer than
 * any request may last (Node ends a request after 5 minutes), so a file a request has just written
 * and not yet handed to its job is never taken.
 */
export const SPOOL_SWEEP_MIN_AGE_MS = 15 * 60_000;

/**
 * Removes the spooled uploads in `spoolDir` that no queued or running job names any more: their job
 * was cancelled or ended on another server (which cannot reach this server's DATA_DIR), or is gone.
 * Only files directly inside `spoolDir` named like spooled uploads, untouched for `minAgeMs`; a
 * missing folder is empty. Returns how many files went.
 */
export async function sweepSpoolDir(
  deps: Pick<JobDeps, 'database' | 'clock'>,
  options: { readonly spoolDir: string; readonly minAgeMs?: number },
): Promise<number> {
  const spoolDir = resolve(options.spoolDir);
  let entries;
  try {
    entries = await readdir(spoolDir, { withFileTypes: true });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return 0;
    throw error;
  }
  const oldest = deps.clock().getTime() - (options.minAgeMs ?? SPOOL_SWEEP_MIN_AGE_MS);
  const candidates: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.startsWith(SPOOLED_UPLOAD_PREFIX)) continue;
    const path = join(spoolDir, entry.name);
    const stats = await stat(path).catch(() => undefined);
    if (stats && stats.mtimeMs < oldest) candidates.push(path);
  }
  if (candidates.length === 0) return 0;
  // Read after the files: a job queued meanwhile names a file already listed, and so keeps it.
  const wanted = new Set(
    (await listLiveJobParams(deps.database.db)).map((params) => spooledUploadOf(params, spoolDir)),
  );
  const orphans = candidates.filter((path) => !wanted.has(path));
  await Promise.all(orphans.map((path) => rm(path, { force: true })));
  return orphans.length;
}
