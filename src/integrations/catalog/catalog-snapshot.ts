import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalog } from '../../core/catalog/catalog.types';

/** Bumped whenever the snapshot's layout changes, so an older snapshot is never read as a newer one. */
const SNAPSHOT_FORMAT = 1;

/**
 * The snapshot file of this build, beside the compiled code (dist/server/). Running from the
 * TypeScript sources (tsx, vitest) there is none, so development always validates the YAML with
 * the schema as it is in src/ at that moment.
 */
export const BUILD_SNAPSHOT_FILE = import.meta.url.endsWith('.js')
  ? fileURLToPath(new URL('./catalog-snapshot.json', import.meta.url))
  : undefined;

/** sha256 over every catalog file's path and bytes: any edit, addition or removal changes it. */
export function fingerprintCatalog(dir: string): string {
  const hash = createHash('sha256').update(`format ${SNAPSHOT_FORMAT}\n`);
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.ya?ml$/.test(entry.name))
        hash
          .update(`${relative(dir, path)}\0`)
          .update(readFileSync(path))
          .update('\0');
    }
  };
  visit(dir);
  return hash.digest('hex');
}

/**
 * The catalog as JSON. Its top-level maps are written as entry lists; anything else that JSON
 * cannot carry (a nested Map, a Set, a Date) is refused, so a snapshot never loses data silently.
 */
export function encodeCatalogSnapshot(catalog: Catalog, fingerprint: string): string {
  const fields = Object.fromEntries(
    Object.entries(catalog).map(([key, value]) => [key, value instanceof Map ? { entries: [...value] } : { value }]),
  );
  return JSON.stringify({ format: SNAPSHOT_FORMAT, fingerprint, fields }, (key, value: unknown) => {
    if (value instanceof Map || value instanceof Set || value instanceof Date)
      throw new Error(`catalog snapshot: ${key} holds a ${value.constructor.name}, which JSON cannot carry`);
    return value;
  });
}

/** The catalog of a snapshot written by encodeCatalogSnapshot, or undefined when it is for other files. */
export function decodeCatalogSnapshot(text: string, fingerprint: string): Catalog | undefined {
  const snapshot = JSON.parse(text) as {
    format: number;
    fingerprint: string;
    fields: Record<string, { entries: [unknown, unknown][] } | { value: unknown }>;
  };
  if (snapshot.format !== SNAPSHOT_FORMAT || snapshot.fingerprint !== fingerprint) return undefined;
  return Object.fromEntries(
    Object.entries(snapshot.fields).map(([key, field]) => [
      key,
      'entries' in field ? new Map(field.entries) : field.value,
    ]),
  ) as unknown as Catalog;
}

/**
 * Loads the catalog in `dir` from `snapshotFile` when that was written for exactly these files;
 * otherwise reads and validates the YAML (throwing CATALOG_INVALID as loadCatalog does) and
 * rewrites the snapshot for next time. Without a snapshot file it always validates. The YAML
 * parser and the schema library are imported only when validating: they cost more to load than
 * the snapshot does to read.
 */
export async function loadCatalogWithSnapshot(dir: string, snapshotFile: string | undefined): Promise<Catalog> {
  if (!snapshotFile) return (await import('./load-catalog')).loadCatalog(dir);
  const fingerprint = fingerprintCatalog(dir);
  try {
    const catalog = decodeCatalogSnapshot(readFileSync(snapshotFile, 'utf8'), fingerprint);
    if (catalog) return catalog;
  } catch {
    // No snapshot yet, or an unreadable one: validate the YAML below and write a new one.
  }
  const catalog = (await import('./load-catalog')).loadCatalog(dir);
  const staging = `${snapshotFile}.${randomUUID()}`;
  try {
    writeFileSync(staging, encodeCatalogSnapshot(catalog, fingerprint));
    renameSync(staging, snapshotFile);
  } catch {
    // A read-only installation still works; it validates at every start.
    rmSync(staging, { force: true });
  }
  return catalog;
}
