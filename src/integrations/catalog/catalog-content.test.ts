import { describe, expect, it } from 'vitest';
import type { Catalog, CatalogNode, NodeKind } from '../../core/catalog/catalog.types';
import { createSearchIndex } from '../../core/catalog/search-catalog';
import { parseChecksheetSeed, readChecksheetSeed } from './checksheet-seed';
import { loadCatalog } from './load-catalog';

const catalog: Catalog = loadCatalog();
const nodesOf = (frameworkId: string, kind: NodeKind): CatalogNode[] =>
  [...catalog.nodes.values()].filter((node) => node.frameworkId === frameworkId && node.kind === kind);

describe('shipped catalog content', () => {
  it.each([
    ['jssec-v2', { function: 5, category: 23, item: 60, check: 143 }],
    ['nist-csf-1.1', { function: 5, category: 23, subcategory: 108 }],
    ['nist-csf-2.0', { function: 6, category: 22, subcategory: 106 }],
  ] as const)('%s has the published number of nodes', (frameworkId, counts) => {
    for (const [kind, count] of Object.entries(counts))
      expect(nodesOf(frameworkId, kind as NodeKind), kind).toHaveLength(count);
  });

  it('puts the checksheet items under the categories the sheet does', () => {
    const perCategory = Object.fromEntries(
      nodesOf('jssec-v2', 'category').map((category) => [category.code, category.childIds.length]),
    );
    expect(perCategory).toEqual({
      'ID.AM': 3,
      'ID.BE': 1,
      'ID.GV': 2,
      'ID.RA': 8,
      'ID.RM': 4,
      'ID.SC': 3,
      'PR.AC': 6,
      'PR.AT': 3,
      'PR.DS': 5,
      'PR.IP': 4,
      'PR.MA': 3,
      'PR.PT': 2,
      'DE.AE': 1,
      'DE.CM': 2,
      'DE.DP': 1,
      'RS.RP': 1,
      'RS.CO': 3,
      'RS.AN': 3,
      'RS.MI': 1,
      'RS.IM': 1,
      'RC.RP': 1,
      'RC.IM': 1,
      'RC.CO': 1,
    });
    const numbers = nodesOf('jssec-v2', 'item')
      .map((item) => Number(item.code))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 60 }, (_, index) => index + 1));
  });

  it('gives every node non-empty Japanese and English texts', () => {
    for (const node of catalog.nodes.values()) {
      const texts = [
        node.title,
        node.text,
        node.explanation?.why,
        node.explanation?.consider,
        node.explanation?.note,
      ].filter((text) => text !== undefined);
      for (const text of texts) {
        expect(text.ja.trim(), `${node.id} ja`).not.toBe('');
        expect(text.en.trim(), `${node.id} en`).not.toBe('');
      }
    }
    for (const item of nodesOf('jssec-v2', 'item')) expect(item.explanation, item.id).toBeDefined();
  });

  it('resolves every crosswalk to existing nodes, and links every item to CSF 1.1 and 2.0', () => {
    for (const link of catalog.crosswalks) {
      expect(catalog.nodes.has(link.sourceId), link.sourceId).toBe(true);
      expect(catalog.nodes.has(link.targetId), link.targetId).toBe(true);
    }
    for (const item of nodesOf('jssec-v2', 'item')) {
      const targets = (catalog.crosswalksFrom.get(item.id) ?? []).map((link) => link.targetId);
      const category = catalog.nodes.get(item.parentId ?? '');
      expect(targets, item.id).toContain(`nist-csf-1.1:${category?.code}`);
      expect(
        targets.some((target) => target.startsWith('nist-csf-2.0:')),
        item.id,
      ).toBe(true);
    }
  });

  it('gives every CSF 1.1 element superseded in 2.0 a destination, and every kept one its successor', () => {
    const elements = [...nodesOf('nist-csf-1.1', 'category'), ...nodesOf('nist-csf-1.1', 'subcategory')];
    const superseded = elements.filter((node) => node.superseded);
    expect(superseded).toHaveLength(91);
    for (const node of elements) {
      const lineage = (catalog.crosswalksFrom.get(node.id) ?? []).filter((link) => link.origin === 'lineage');
      expect(lineage.length, node.id).toBeGreaterThan(0);
      for (const link of lineage) expect(link.targetId.startsWith('nist-csf-2.0:'), node.id).toBe(true);
    }
  });

  it('records a content hash per framework', () => {
    for (const framework of catalog.frameworks.values()) expect(framework.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('finds what users type', () => {
    const index = createSearchIndex(catalog);
    const ids = (query: string) => index.search(query, { frameworkId: 'jssec-v2' }).map((hit) => hit.node.id);
    expect(ids('パスワード')).toEqual(expect.arrayContaining(['jssec-v2:25', 'jssec-v2:26']));
    expect(ids('ﾊﾟｽﾜｰﾄﾞ')).toEqual(ids('パスワード'));
    expect(ids('password')).toEqual(expect.arrayContaining(['jssec-v2:25', 'jssec-v2:26']));
    expect(ids('ID.AM').slice(0, 4)).toEqual(['jssec-v2:ID.AM', 'jssec-v2:1', 'jssec-v2:2', 'jssec-v2:3']);
    expect(ids('telnet')[0]).toBe('jssec-v2:32');
  });
});

// The checksheet's titles and check points are the requirement: compare them with the booklet.
// Corrections of evident slips in the text extraction (not in the booklet), and nothing else, are
// listed here. The booklet's own misprints (25.1 「ままでせず」, 35.3 「中古など再を利用」) stay as printed.
const CORRECTIONS: Readonly<Record<string, readonly [printed: string, ours: string]>> = {
  '40.2': ['繼続的', '継続的'],
};

const seedText = readChecksheetSeed();
const seedMissing = seedText === undefined;
if (seedMissing && process.env['CI'] === 'true')
  throw new Error('CI=true but ../shared/seeds is missing: the checksheet wording cannot be checked.');

// Skipped outside CI when ../shared (the booklet) is not next to the checkout.
describe.skipIf(seedMissing)('checksheet wording against the JSSEC booklet (../shared/seeds)', () => {
  const compact = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');
  const seed = seedText ? parseChecksheetSeed(seedText) : [];

  it('has the same 60 items and 143 check points as the booklet', () => {
    expect(seed).toHaveLength(60);
    expect(seed.reduce((sum, item) => sum + item.checks.length, 0)).toBe(143);
  });

  it('keeps every title and check point as printed, apart from the listed corrections', () => {
    for (const item of seed) {
      const node = catalog.nodes.get(`jssec-v2:${item.number}`);
      expect(compact(node?.title.ja ?? ''), `item ${item.number}`).toBe(compact(item.title));
      expect(node?.childIds, `item ${item.number}`).toHaveLength(item.checks.length);
      item.checks.forEach((printed, index) => {
        const id = `${item.number}.${index + 1}`;
        const correction = CORRECTIONS[id];
        const expected = correction ? printed.replace(correction[0], correction[1]) : printed;
        expect(compact(catalog.nodes.get(`jssec-v2:${id}`)?.title.ja ?? ''), id).toBe(compact(expected));
      });
    }
  });
});
