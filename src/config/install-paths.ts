import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder iotcheck is installed in (the one holding its package.json), found from this
 * module's own location: the same answer from src/config/ under tsx and from dist/server/ once
 * compiled, so shipped files (catalog/, dist/web/) are found either way.
 */
export function findInstallRoot(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** Where iotcheck is installed; see findInstallRoot. */
export const INSTALL_ROOT = findInstallRoot();
