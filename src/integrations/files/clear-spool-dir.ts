import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Spool files that live only as long as the request that wrote them (device imports, SBOM uploads,
 * checksheet workbooks, a job's local copy of a shared upload): the one that wrote it removes it
 * when it ends, so one still there at start-up was cut off by a kill -9 or a crash. Advisory uploads (`advisories-…`) are not among them: they
 * wait in the spool for their queued job, across restarts, and the job or a cancel removes them.
 */
const REQUEST_SPOOL_PREFIXES = ['import-', 'sbom-', 'workbook-', 'shared-copy-'] as const;

/**
 * Removes the request-scoped spool files left in DATA_DIR/tmp by an earlier run of this server
 * (DATA_DIR belongs to one server process). Call before serving. Returns how many went; a missing
 * folder is empty.
 */
export async function clearSpoolDir(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return 0;
    throw error;
  }
  const stale = names.filter((name) => REQUEST_SPOOL_PREFIXES.some((prefix) => name.startsWith(prefix)));
  await Promise.all(stale.map((name) => rm(join(dir, name), { force: true })));
  return stale.length;
}
