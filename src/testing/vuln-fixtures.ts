import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The public feed and SBOM fixtures live in ../shared/fixtures next to the checkout (not in the
// repository); IOTCHECK_SHARED_DIR points elsewhere, e.g. from a git worktree. Tests that read
// them skip with this reason when they are absent; under CI=true their absence is an error.

const SHARED_DIR = process.env['IOTCHECK_SHARED_DIR'] ?? fileURLToPath(new URL('../../../shared/', import.meta.url));

/** `fixtures/<folder>` inside the shared directory. */
export function fixturesDir(folder: 'vuln' | 'sbom'): string {
  return join(SHARED_DIR, 'fixtures', folder);
}

/** Why fixture tests are skipped, or undefined when the fixtures are there. */
export function fixturesMissing(folder: 'vuln' | 'sbom'): string | undefined {
  const dir = fixturesDir(folder);
  if (existsSync(dir)) return undefined;
  if (process.env['CI'] === 'true')
    throw new Error(`CI=true but ${dir} is missing: the ${folder} fixture tests cannot run.`);
  return `skipped: the public ${folder} fixtures are not at ${dir} (../shared/fixtures absent)`;
}

/** Every file below `dir` whose name ends with one of `extensions`, sorted. */
export function filesBelow(dir: string, extensions: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (extensions.some((extension) => name.endsWith(extension))) out.push(path);
    }
  };
  walk(dir);
  return out;
}
