import { describe, expect, it } from 'vitest';
import { assembleCatalog } from './assemble-catalog';
import type { CatalogSources } from './catalog-source.types';
import { compareCodes, createSearchIndex } from './search-catalog';
import { normalizeSearchText } from './normalize-search-text';

const text = (ja: string, en: string) => ({ ja, en });
const explanation = { why: text('理由', 'why'), consider: text('考慮', 'consider') };
const tags = { scope: ['device' as const], phase: ['plan' as const], roles: ['it' as const], verifiable: [], providerQuestion: false };

const sources: CatalogSources = {
  frameworks: [
    {
      file: 'x/framework.yaml',
      id: 'x',
      kind: 'checksheet',
      groups: [],
      title: text('エックス', 'X'),
      version: '1',
      edition: text('初版', 'first'),
      publisher: text('発行者', 'publisher'),
      date: '2020-01-01',
      languages: ['ja', 'en'],
      source: text('出典', 'source'),
      functions: [{ code: 'PR', title: text('防御', 'Protect'), categories: [{ code: 'PR.AC', title: text('アクセス制御', 'Access Control') }] }],
    },
  ],
  groupFiles: [],
  documents: [],
  itemFiles: [
    {
      file: 'x/items-a.yaml',
      framework: 'x',
      items: [
        { number: 10, category: 'PR.AC', title: text('認証を使う', 'Use authentication'), checks: [text('ﾊﾟｽﾜｰﾄﾞを変える', 'Change the password')], explanation, tags },
        { number: 2, category: 'PR.AC', title: text('パスワードを管理する', 'Manage passwords'), checks: [text('共有しない', 'Do not share')], explanation, tags },
      ],
    },
  ],
  crosswalkFiles: [],
};

describe('normalizeSearchText', () => {
  it('folds width, case, kana and spaces', () => {
    expect(normalizeSearchText('ＩＤ．ＡＭ')).toBe('id.am');
    expect(normalizeSearchText('ﾊﾟｽﾜｰﾄﾞ')).toBe(normalizeSearchText('ぱすわーど'));
    expect(normalizeSearchText('  Telnet\u3000SSH ')).toBe('telnet ssh');
  });
});

describe('catalog search', () => {
  const index = createSearchIndex(assembleCatalog(sources));

  it('finds items by title or check in either script, title matches first', () => {
    const hits = index.search('パスワード');
    expect(hits.map((hit) => hit.node.id)).toEqual(['x:2', 'x:10']);
    expect(hits[0]?.matchedIn).toBe('title');
    expect(hits[1]?.matchedIn).toBe('checks');
    expect(index.search('ぱすわーど').map((hit) => hit.node.id)).toEqual(['x:2', 'x:10']);
  });

  it('finds a category by code and the items under it', () => {
    expect(index.search('pr.ac').map((hit) => hit.node.id)).toEqual(['x:PR.AC', 'x:2', 'x:10']);
  });

  it('needs every term to match', () => {
    expect(index.search('password share').map((hit) => hit.node.id)).toEqual(['x:2']);
    expect(index.search('password nothing-like-this')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
  });

  it('orders items by number, not by file order', () => {
    const catalog = assembleCatalog(sources);
    expect(catalog.nodes.get('x:PR.AC')?.childIds).toEqual(['x:2', 'x:10']);
    expect(compareCodes('ID.AM-2', 'ID.AM-10')).toBeLessThan(0);
  });
});

describe('assembleCatalog', () => {
  it('reports every broken reference with its file and path and builds nothing', () => {
    const broken: CatalogSources = {
      ...sources,
      itemFiles: [{ ...sources.itemFiles[0]!, items: [{ ...sources.itemFiles[0]!.items[0]!, category: 'PR.ZZ' }] }],
      crosswalkFiles: [{ file: 'crosswalks/x--x.yaml', source: 'x', target: 'x', links: [{ from: 'PR.AC', to: 'PR.XX', relationship: 'related', rationale: text('関連', 'related') }], notCovered: [] }],
    };
    expect(() => assembleCatalog(broken)).toThrowError(expect.objectContaining({
      code: 'CATALOG_INVALID',
      details: [
        { file: 'x/items-a.yaml', path: 'items[0].category', reason: 'no category PR.ZZ in x' },
        { file: 'crosswalks/x--x.yaml', path: 'links[0].from', reason: 'x:PR.AC is a category; links start at a checksheet item' },
        { file: 'crosswalks/x--x.yaml', path: 'links[0].to', reason: 'no node x:PR.XX' },
      ],
    }));
  });

  it('changes the content hash when content changes and only then', () => {
    const hash = (s: CatalogSources) => assembleCatalog(s).frameworks.get('x')?.contentHash;
    const changed: CatalogSources = { ...sources, itemFiles: [{ ...sources.itemFiles[0]!, items: [{ ...sources.itemFiles[0]!.items[0]!, title: text('認証を使う。', 'Use authentication.') }] }] };
    expect(hash(sources)).toMatch(/^[0-9a-f]{64}$/);
    expect(hash(sources)).toBe(hash({ ...sources }));
    expect(hash(changed)).not.toBe(hash(sources));
  });
});
