import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DomainError } from '../../core/domain-error';
import { DEFAULT_CATALOG_DIR, loadCatalog } from './load-catalog';

// A made-up guideline ("sample-guideline") beside the shipped catalog: the loader's rules for
// guideline frameworks, documents and crosswalks, one broken reference at a time.
const FRAMEWORK = `id: sample-guideline
kind: guideline
document: sample-doc
title: { ja: 見本ガイドライン, en: Sample guideline }
publisher: { ja: 見本発行者, en: Sample publisher }
date: 2020-06
languages: [en]
source: { ja: 見本, en: Sample, url: https://example.org/sample }
reproduction: summary
groups:
  - code: G1
    title: { ja: 第1群, en: Group 1 }
    items:
      - code: "1.1"
        title: { ja: 初期パスワード, en: Default passwords }
        status: mandatory
      - code: "1.2"
        title: { ja: 更新, en: Updates }
        status: conditional
        condition: { ja: 更新できる機器の場合, en: Where the device can be updated }
`;
const MORE_GROUPS = `framework: sample-guideline
groups:
  - code: G2
    title: { ja: 第2群, en: Group 2 }
    items:
      - code: "2.1"
        title: { ja: 記録, en: Logging }
        unconfirmed: true
        note: { ja: 番号は未確認, en: The number is unconfirmed }
`;
const DOCUMENT = `id: sample-doc
publisher: { ja: 見本発行者, en: Sample publisher }
title: { original: Sample Guideline, ja: 見本ガイドライン, en: Sample guideline }
date: 2020
type: guideline
audiences: [enterprise_user]
industries: [smart_home]
phases: [design, operate]
detail: overview
in_handbook: false
summary: { ja: 見本の要約。, en: A sample summary. }
structure:
  - title: { ja: 第1章, en: Chapter 1 }
    pages: "1-3"
frameworks: [sample-guideline]
`;
const CROSSWALK = `source: jssec-v2
target: sample-guideline
origin: judgement
links:
  - from: "25"
    to: "1.1"
    relationship: equal
    rationale: { ja: 同じ要求, en: The same requirement }
  - from: "36"
    to: "1.2"
    relationship: subset
    rationale: { ja: 一部, en: Part of it }
    origin: reference:iot-frameworks/sample.json
not_covered:
  - code: "2.1"
    reason: { ja: 範囲外, en: Out of scope }
`;

const copies: string[] = [];
/** The shipped catalog plus the sample; `files` replaces sample files (null leaves one out). */
function sampleCatalog(files: Record<string, string | null> = {}): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'iotcheck-guidelines-')), 'catalog');
  cpSync(DEFAULT_CATALOG_DIR, dir, { recursive: true });
  copies.push(dir);
  const all: Record<string, string | null> = {
    'sample-guideline/framework.yaml': FRAMEWORK,
    'sample-guideline/items-g2.yaml': MORE_GROUPS,
    'guidelines/sample-doc.yaml': DOCUMENT,
    'crosswalks/jssec-v2--sample-guideline.yaml': CROSSWALK,
    ...files,
  };
  for (const [file, text] of Object.entries(all)) {
    if (text === null) continue;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}
function problems(dir: string): DomainError['details'] {
  try {
    loadCatalog(dir);
  } catch (error) {
    return (error as DomainError).details;
  }
  throw new Error('expected the catalog to be rejected');
}
afterEach(() => copies.splice(0).forEach((dir) => rmSync(join(dir, '..'), { recursive: true, force: true })));

describe('loadCatalog with guideline frameworks', () => {
  it('loads groups, items, their status, the document and the crosswalk with its origins', () => {
    const catalog = loadCatalog(sampleCatalog());
    const framework = catalog.frameworks.get('sample-guideline');
    expect(framework).toMatchObject({ kind: 'guideline', document: 'sample-doc', reproduction: 'summary', version: '2020-06', languages: ['en'] });
    expect(framework?.functionIds).toEqual(['sample-guideline:G1', 'sample-guideline:G2']);
    expect(catalog.nodes.get('sample-guideline:G1')).toMatchObject({ kind: 'group', childIds: ['sample-guideline:1.1', 'sample-guideline:1.2'] });
    expect(catalog.nodes.get('sample-guideline:1.2')).toMatchObject({ kind: 'item', status: 'conditional', condition: { en: 'Where the device can be updated' } });
    expect(catalog.nodes.get('sample-guideline:2.1')).toMatchObject({ parentId: 'sample-guideline:G2', unconfirmed: true, note: { ja: '番号は未確認' } });
    expect(catalog.documents.get('sample-doc')).toMatchObject({ date: '2020', inHandbook: false, audiences: ['enterprise_user'], structure: [{ pages: '1-3' }] });
    expect(catalog.crosswalksTo.get('sample-guideline:1.1')).toEqual([expect.objectContaining({ sourceId: 'jssec-v2:25', relationship: 'equal', origin: 'judgement' })]);
    expect(catalog.crosswalksTo.get('sample-guideline:1.2')?.[0]?.origin).toBe('reference:iot-frameworks/sample.json');
    // The shipped catalog declares not-covered items of its own; look at the sample's only.
    expect(catalog.notCovered.filter((entry) => entry.targetId.startsWith('sample-guideline:'))).toEqual([{ sourceFrameworkId: 'jssec-v2', targetId: 'sample-guideline:2.1', reason: { ja: '範囲外', en: 'Out of scope' } }]);
    expect(catalog.frameworks.get('jssec-v2')?.kind).toBe('checksheet');
    expect(catalog.frameworks.get('nist-csf-2.0')?.kind).toBe('csf');
  });

  it.each([
    ['an unknown target framework', { 'crosswalks/jssec-v2--sample-guideline.yaml': CROSSWALK.replace('target: sample-guideline', 'target: nope') }, { path: 'target', reason: 'unknown framework nope' }],
    ['an unknown from', { 'crosswalks/jssec-v2--sample-guideline.yaml': CROSSWALK.replace('from: "25"', 'from: "61"') }, { path: 'links[0].from', reason: 'no node jssec-v2:61' }],
    ['a from that is a check', { 'crosswalks/jssec-v2--sample-guideline.yaml': CROSSWALK.replace('from: "25"', 'from: "25.1"') }, { path: 'links[0].from', reason: 'jssec-v2:25.1 is a check; links start at a checksheet item' }],
    ['an unknown to', { 'crosswalks/jssec-v2--sample-guideline.yaml': CROSSWALK.replace('to: "1.1"', 'to: "9.9"') }, { path: 'links[0].to', reason: 'no node sample-guideline:9.9' }],
    ['a to that is a group', { 'crosswalks/jssec-v2--sample-guideline.yaml': CROSSWALK.replace('to: "1.1"', 'to: G1') }, { path: 'links[0].to', reason: 'sample-guideline:G1 is a group; link to one of its items instead' }],
    ['an item linked and not covered', { 'crosswalks/jssec-v2--sample-guideline.yaml': CROSSWALK.replace('code: "2.1"', 'code: "1.1"') }, { path: 'not_covered[0].code', reason: 'sample-guideline:1.1 is both linked from jssec-v2 and not_covered' }],
    ['a file named for another pair', { 'crosswalks/jssec-v2--sample-guideline.yaml': null, 'crosswalks/jssec-v2--other.yaml': CROSSWALK }, { path: 'target', reason: expect.stringContaining('not named for its pair') }],
    ['a document naming an unknown framework', { 'guidelines/sample-doc.yaml': DOCUMENT.replace('frameworks: [sample-guideline]', 'frameworks: [sample-guideline, ghost]') }, { path: 'frameworks[1]', reason: 'unknown framework ghost' }],
    ['a framework naming an unknown document', { 'sample-guideline/framework.yaml': FRAMEWORK.replace('document: sample-doc', 'document: ghost-doc') }, { path: 'document', reason: expect.stringContaining('unknown document ghost-doc') }],
    ['a missing English title', { 'sample-guideline/items-g2.yaml': MORE_GROUPS.replace('en: Logging', 'en: ""') }, { path: 'groups[0].items[0].title.en' }],
    ['a duplicate item code', { 'sample-guideline/items-g2.yaml': MORE_GROUPS.replace('code: "2.1"', 'code: "1.1"') }, { path: 'groups[0].items[0].code', reason: 'duplicate id sample-guideline:1.1' }],
    ['an unknown status', { 'sample-guideline/framework.yaml': FRAMEWORK.replace('status: mandatory', 'status: required') }, { path: 'groups[0].items[0].status' }],
    ['an unknown audience', { 'guidelines/sample-doc.yaml': DOCUMENT.replace('[enterprise_user]', '[enterprise]') }, { path: 'audiences[0]' }],
  ])('reports %s with its file, path, line and reason', (_name, files, expected) => {
    expect(problems(sampleCatalog(files))).toContainEqual(expect.objectContaining({ ...expected, row: expect.any(Number) }));
  });
});
