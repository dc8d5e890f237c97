import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  decodeCatalogSnapshot,
  encodeCatalogSnapshot,
  fingerprintCatalog,
  loadCatalogWithSnapshot,
} from './catalog-snapshot';
import { DEFAULT_CATALOG_DIR, loadCatalog } from './load-catalog';

const temp = mkdtempSync(join(tmpdir(), 'iotcheck-snapshot-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function copyCatalog(name: string): string {
  const dir = join(temp, name, 'catalog');
  cpSync(DEFAULT_CATALOG_DIR, dir, { recursive: true });
  return dir;
}

function editItem25Title(dir: string, from: string, to: string): void {
  const file = join(dir, 'jssec-v2', 'items-pr.yaml');
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

describe('catalog snapshot', () => {
  it('gives back exactly the catalog it was made from', () => {
    const catalog = loadCatalog();
    const fingerprint = fingerprintCatalog(DEFAULT_CATALOG_DIR);
    const decoded = decodeCatalogSnapshot(encodeCatalogSnapshot(catalog, fingerprint), fingerprint);
    expect(decoded).toEqual(catalog);
    expect(decoded?.nodes).toBeInstanceOf(Map);
    expect(decodeCatalogSnapshot(encodeCatalogSnapshot(catalog, fingerprint), 'other files')).toBeUndefined();
  });

  it('is written on the first load and read while the files are unchanged', async () => {
    const dir = copyCatalog('unchanged');
    const snapshot = join(temp, 'unchanged', 'snapshot.json');
    const first = await loadCatalogWithSnapshot(dir, snapshot);
    expect(existsSync(snapshot)).toBe(true);
    expect(await loadCatalogWithSnapshot(dir, snapshot)).toEqual(first);
  });

  it('never serves an edited catalog from an old snapshot: the edit is validated and loaded', async () => {
    const dir = copyCatalog('edited');
    const snapshot = join(temp, 'edited', 'snapshot.json');
    const before = await loadCatalogWithSnapshot(dir, snapshot);
    const title = before.nodes.get('jssec-v2:25')?.title.ja ?? '';
    editItem25Title(dir, `ja: "${title}"`, `ja: "${title}（改訂）"`);
    const after = await loadCatalogWithSnapshot(dir, snapshot);
    expect(after.nodes.get('jssec-v2:25')?.title.ja).toBe(`${title}（改訂）`);

    editItem25Title(dir, 'category: PR.AC', 'category: PR.XX');
    await expect(loadCatalogWithSnapshot(dir, snapshot)).rejects.toMatchObject({ code: 'CATALOG_INVALID' });
  });
});
