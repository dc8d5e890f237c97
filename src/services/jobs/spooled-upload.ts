import { rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * The job parameter that names a spooled upload: a file a request left in the spool directory for
 * its queued job to read (an advisory upload). The job removes it when it runs; cancelling the job
 * before it runs removes it too.
 */
export const SPOOLED_UPLOAD_PARAM = 'spooledUpload';

/** How the files a queued job reads from the spool directory are named (`advisories-<uuid>`). */
export const SPOOLED_UPLOAD_PREFIX = 'advisories-';

/**
 * The spooled upload a job's params name, when it lies directly inside `spoolDir`; undefined
 * otherwise, so a cancel can never be led to remove a file elsewhere. Jobs queued before the
 * parameter had its own name kept the path under `path`.
 */
export function spooledUploadOf(params: Readonly<Record<string, unknown>>, spoolDir: string): string | undefined {
  const named = params[SPOOLED_UPLOAD_PARAM] ?? params['path'];
  if (typeof named !== 'string' || named === '') return undefined;
  const path = resolve(named);
  return dirname(path) === resolve(spoolDir) ? path : undefined;
}

/** Removes the spooled upload a job's params name (no error when there is none or it is already gone). */
export async function discardSpooledUpload(params: Readonly<Record<string, unknown>>, spoolDir: string): Promise<void> {
  const path = spooledUploadOf(params, spoolDir);
  if (path) await rm(path, { force: true });
}
