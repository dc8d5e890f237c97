import { describe, expect, it } from 'vitest';
import { assembleCatalog } from './assemble-catalog';
import type { CatalogSources } from './catalog-source.types';
import { normalizeSearchText, normalizeWithOffsets } from './normalize-search-text';
import { createSearchIndex } from './search-catalog';

const text = (ja: string, en: string) => ({ ja, en });
const explanation = { why: text('理由がある', 'a reason'), consider: text('考慮する', 'consider') };
const tags = (verifiable: ('default_credentials' | 'tls')[]) => ({
  scope: ['device' as const],
  phase: ['plan' as const],
  roles: ['it' as const],
  verifiable,
  providerQuestion: false,
});

const sources: CatalogSources = {
  frameworks: [
    {
      file: 'j/framework.yaml',
      id: 'j',
      kind: 'checksheet',
      groups: [],
      title: text('ジェイ', 'J'),
      version: '1',
      edition: text('初版', 'first'),
      publisher: text('発行者', 'publisher'),
      date: '2020-01-01',
      languages: ['ja', 'en'],
      source: text('出典', 'source'),
      functions: [
        { code: 'PR', title: text('防御', 'Protect'), categories: [{ code: 'PR.AC', title: text('ア', 'A') }] },
      ],
    },
    {
      file: 'c/framework.yaml',
      id: 'c',
      kind: 'csf',
      groups: [],
      title: text('シー', 'C'),
      version: '2',
      edition: text('初版', 'first'),
      publisher: text('発行者', 'publisher'),
      date: '2024-01-01',
      languages: ['en'],
      source: text('出典', 'source'),
      functions: [
        {
          code: 'PR',
          title: text('防御', 'Protect'),
          categories: [
            {
              code: 'PR.AA',
              title: text('認証', 'Identity'),
              subcategories: [{ code: 'PR.AA-01', title: text('識別子を管理する', 'Identities are managed') }],
            },
          ],
        },
      ],
    },
  ],
  groupFiles: [],
  documents: [],
  itemFiles: [
    {
      file: 'j/items.yaml',
      framework: 'j',
      items: [
        {
          number: 25,
          category: 'PR.AC',
          title: text('初期設定の ID を変更する', 'Change factory IDs'),
          checks: [text('「初期」のままにしない', 'Do not keep the factory settings')],
          explanation,
          tags: tags(['default_credentials']),
        },
        {
          number: 32,
          category: 'PR.AC',
          title: text('通信を暗号化する', 'Encrypt communication'),
          checks: [text('安全な方式を使う', 'Use a safe protocol'), text('ﾊﾟｽﾜｰﾄﾞを平文で送らない', 'No clear text')],
          explanation,
          tags: tags(['tls']),
        },
      ],
    },
  ],
  crosswalkFiles: [
    {
      file: 'crosswalks/j--c.yaml',
      source: 'j',
      target: 'c',
      links: [{ from: '25', to: 'PR.AA-01', relationship: 'subset', rationale: text('一部', 'part') }],
      notCovered: [],
    },
  ],
};

describe('search folding', () => {
  const index = createSearchIndex(assembleCatalog(sources));
  const ids = (query: string, frameworkId?: string) =>
    index.search(query, frameworkId ? { frameworkId } : {}).map((hit) => hit.node.id);

  it('finds items by the words of their verifiable tags in both languages', () => {
    expect(ids('初期パスワード')).toEqual(['j:25']);
    expect(ids('TLS')).toEqual(['j:32']);
    expect(ids('default credentials')).toEqual(['j:25']);
    expect(index.search('初期パスワード')[0]?.matchedIn).toBe('tag');
  });

  it('treats zero-padded and unpadded CSF codes alike and finds items linked to them', () => {
    expect(ids('PR.AA-1', 'c')).toEqual(['c:PR.AA-01']);
    expect(ids('pr.aa-01', 'c')).toEqual(['c:PR.AA-01']);
    expect(ids('PR.AA-1', 'j')).toEqual(['j:25']);
    expect(ids('ＰＲ．ＡＡ－０１', 'j')).toEqual(['j:25']);
  });

  it('folds dash, bracket and sentence punctuation variants', () => {
    expect(normalizeSearchText('ＰＲ．ＡＣ‐１')).toBe('pr.ac-1');
    expect(normalizeSearchText('「初期」、設定。')).toBe('初期 設定');
    expect(ids('『初期』')).toContain('j:25');
    expect(normalizeSearchText('2019-04-01 100 0.5 00')).toBe('2019-4-1 100 0.5 0');
  });

  it('keeps, for every folded character, where it came from', () => {
    for (const sample of [
      'ﾊﾟｽﾜｰﾄﾞを「変更」する',
      'PR.AA-01 と PR.AC-1',
      '  Ｔｅｌｎｅｔ\u3000と ＳＳＨ ',
      '00７ 2019-04-01',
    ]) {
      const folded = normalizeWithOffsets(sample);
      expect(folded.normalized).toBe(normalizeSearchText(sample));
      expect(folded.offsets).toHaveLength(folded.normalized.length);
    }
  });

  it('returns a snippet in the asked language with the match highlighted', () => {
    const [hit] = index.search('ぱすわーど 初期', { language: 'ja' });
    expect(hit?.node.id).toBe('j:25');
    const [tlsHit] = index.search('暗号', { language: 'ja' });
    const snippet = tlsHit?.snippet;
    expect(snippet?.text).toBe('通信を暗号化する');
    const [start, end] = snippet?.highlights[0] ?? [0, 0];
    expect(snippet?.text.slice(start, end)).toBe('暗号');
    const [english] = index.search('safe', { language: 'en' });
    expect(english?.snippet?.text).toBe('Use a safe protocol');
  });

  it('highlights a half-width kana match in the original characters', () => {
    const hit = index.search('パスワード', { language: 'ja' }).find((candidate) => candidate.node.id === 'j:32');
    expect(hit?.snippet).toEqual({ text: 'ﾊﾟｽﾜｰﾄﾞを平文で送らない', highlights: [[0, 7]] });
  });
});
