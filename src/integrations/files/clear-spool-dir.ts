import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Empties DATA_DIR/tmp, where uploads to import (devices, advisories, SBOMs, workbooks) are
 * spooled while a request runs. Call before serving: DATA_DIR belongs to this one server process,
 * and every request removes its own spool file when it ends, so whatever is there was left by a
 * kill -9 or a crash of an earlier run. Returns how many entries went; a missing folder is empty.
 */
export async function clearSpoolDir(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return 0;
    throw error;
  }
  await Promise.all(names.map((name) => rm(join(dir, name), { recursive: true, force: true })));
  return names.length;
}
