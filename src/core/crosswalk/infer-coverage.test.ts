import { describe, expect, it } from 'vitest';
import type { AnswerResult } from '../assessment/assessment.types';
import { RESULTS } from '../assessment/assessment.types';
import { assembleCatalog } from '../catalog/assemble-catalog';
import type { CatalogSources } from '../catalog/catalog-source.types';
import { RELATIONSHIPS, type Relationship } from '../catalog/catalog.types';
import { contributionOf, inferCoverage, inferItem, type CoverageSource } from './infer-coverage';
import { listCoverageGaps } from './list-coverage-gaps';

const text = (value: string) => ({ ja: value, en: value });
const source = (item: string, result: AnswerResult, relationship: Relationship): CoverageSource => ({
  item,
  result,
  relationship,
});

describe('contributionOf: what one link says', () => {
  const expected: Record<Relationship, Record<AnswerResult, string>> = {
    equal: {
      implemented: 'implemented',
      partial: 'partial',
      not_implemented: 'not_implemented',
      not_applicable: 'excluded',
      unanswered: 'unknown',
    },
    superset: {
      implemented: 'implemented',
      partial: 'partial',
      not_implemented: 'not_implemented',
      not_applicable: 'excluded',
      unanswered: 'unknown',
    },
    subset: {
      implemented: 'partial',
      partial: 'partial',
      not_implemented: 'not_implemented',
      not_applicable: 'excluded',
      unanswered: 'unknown',
    },
    intersect: {
      implemented: 'partial',
      partial: 'partial',
      not_implemented: 'not_implemented',
      not_applicable: 'excluded',
      unanswered: 'unknown',
    },
    related: {
      implemented: 'excluded',
      partial: 'excluded',
      not_implemented: 'excluded',
      not_applicable: 'excluded',
      unanswered: 'excluded',
    },
  };
  for (const relationship of RELATIONSHIPS) {
    for (const result of RESULTS) {
      it(`${relationship} + ${result} → ${expected[relationship][result]}`, () => {
        expect(contributionOf(result, relationship)).toBe(expected[relationship][result]);
      });
    }
  }
});

describe('inferItem: several sources', () => {
  it.each([
    ['no link', [], 'not_covered'],
    ['equal carries implemented over', [source('1', 'implemented', 'equal')], 'implemented'],
    ['superset carries partial over', [source('1', 'partial', 'superset')], 'partial'],
    ['subset caps implemented at partial', [source('1', 'implemented', 'subset')], 'partial'],
    ['intersect keeps not implemented', [source('1', 'not_implemented', 'intersect')], 'not_implemented'],
    [
      'the most restrictive wins',
      [source('1', 'implemented', 'equal'), source('2', 'not_implemented', 'equal')],
      'not_implemented',
    ],
    [
      'an equal and a subset source: capped by the subset',
      [source('1', 'implemented', 'equal'), source('2', 'implemented', 'subset')],
      'partial',
    ],
    ['related alone says nothing', [source('1', 'implemented', 'related')], 'unknown'],
    [
      'related never raises a status',
      [source('1', 'implemented', 'related'), source('2', 'not_implemented', 'equal')],
      'not_implemented',
    ],
    [
      'related never lowers one either',
      [source('1', 'not_implemented', 'related'), source('2', 'implemented', 'equal')],
      'implemented',
    ],
    ['unanswered alone is unknown', [source('1', 'unanswered', 'equal')], 'unknown'],
    [
      'unanswered stops a claim of implemented',
      [source('1', 'implemented', 'equal'), source('2', 'unanswered', 'subset')],
      'unknown',
    ],
    [
      'unanswered does not hide a proven gap',
      [source('1', 'not_implemented', 'equal'), source('2', 'unanswered', 'equal')],
      'not_implemented',
    ],
    ['N/A through equal: the target does not apply', [source('1', 'not_applicable', 'equal')], 'not_applicable'],
    ['N/A through subset leaves the rest open', [source('1', 'not_applicable', 'subset')], 'unknown'],
    [
      'N/A through equal and subset: still open',
      [source('1', 'not_applicable', 'equal'), source('2', 'not_applicable', 'intersect')],
      'unknown',
    ],
    [
      'N/A is left out beside an answered source',
      [source('1', 'not_applicable', 'equal'), source('2', 'partial', 'equal')],
      'partial',
    ],
    [
      'N/A and related only',
      [source('1', 'not_applicable', 'superset'), source('2', 'implemented', 'related')],
      'not_applicable',
    ],
  ] as const)('%s', (_name, sources, status) => {
    expect(inferItem(sources)).toBe(status);
  });
});

// A tiny checksheet (items 1–4) and a guideline (A1 mandatory, A2 recommended, A3 not covered, A4 unlinked).
const sources: CatalogSources = {
  frameworks: [
    {
      file: 'x/framework.yaml',
      id: 'x',
      kind: 'checksheet',
      title: text('x'),
      version: '1',
      publisher: text('p'),
      date: '2020-01-01',
      languages: ['ja'],
      source: text('s'),
      functions: [{ code: 'PR', title: text('PR'), categories: [{ code: 'PR.AC', title: text('PR.AC') }] }],
      groups: [],
    },
    {
      file: 'g/framework.yaml',
      id: 'g',
      kind: 'guideline',
      title: text('g'),
      publisher: text('p'),
      date: '2020-01',
      languages: ['en'],
      source: text('s'),
      reproduction: 'summary',
      functions: [],
      groups: [
        {
          code: 'A',
          title: text('A'),
          items: [
            { code: 'A1', title: text('A1'), status: 'recommended' },
            { code: 'A2', title: text('A2'), status: 'mandatory' },
            { code: 'A3', title: text('A3') },
            { code: 'A4', title: text('A4') },
          ],
        },
      ],
    },
  ],
  itemFiles: [
    {
      file: 'x/items.yaml',
      framework: 'x',
      items: [1, 2, 3, 4].map((number) => ({
        number,
        category: 'PR.AC',
        title: text(`item ${number}`),
        checks: [text('check')],
        explanation: { why: text('why'), consider: text('consider') },
        tags: { scope: ['device'], phase: ['plan'], roles: ['it'], verifiable: [], providerQuestion: false },
      })),
    },
  ],
  crosswalkFiles: [
    {
      file: 'crosswalks/x--g.yaml',
      source: 'x',
      target: 'g',
      origin: 'judgement',
      links: [
        { from: '2', to: 'A1', relationship: 'subset', rationale: text('r') },
        { from: '1', to: 'A1', relationship: 'equal', rationale: text('r') },
        { from: '3', to: 'A2', relationship: 'equal', rationale: text('r') },
        { from: '4', to: 'A2', relationship: 'related', rationale: text('r') },
      ],
      notCovered: [{ code: 'A3', reason: text('outside the checksheet') }],
    },
  ],
  groupFiles: [],
  documents: [],
};
const catalog = assembleCatalog(sources);

describe('inferCoverage over a catalog', () => {
  const results = new Map<string, AnswerResult>([
    ['1', 'implemented'],
    ['2', 'implemented'],
    ['3', 'not_implemented'],
    ['4', 'implemented'],
  ]);

  it('gives every target item a status with its sources, in the framework order', () => {
    expect(inferCoverage(catalog, { sourceFrameworkId: 'x', targetFrameworkId: 'g', results })).toEqual([
      {
        id: 'A1',
        status: 'partial',
        sources: [source('1', 'implemented', 'equal'), source('2', 'implemented', 'subset')],
      },
      {
        id: 'A2',
        status: 'not_implemented',
        sources: [source('3', 'not_implemented', 'equal'), source('4', 'implemented', 'related')],
      },
      { id: 'A3', status: 'not_covered', sources: [], notCoveredReason: text('outside the checksheet') },
      { id: 'A4', status: 'not_covered', sources: [] },
    ]);
  });

  it('counts an item missing from the results as unanswered', () => {
    const inferred = inferCoverage(catalog, { sourceFrameworkId: 'x', targetFrameworkId: 'g', results: new Map() });
    expect(inferred[0]).toMatchObject({
      status: 'unknown',
      sources: [source('1', 'unanswered', 'equal'), source('2', 'unanswered', 'subset')],
    });
  });

  it('lists the gaps mandatory first, with the checksheet items to work on', () => {
    const inferred = inferCoverage(catalog, { sourceFrameworkId: 'x', targetFrameworkId: 'g', results });
    expect(listCoverageGaps(catalog, 'g', inferred)).toEqual([
      { id: 'A2', title: text('A2'), status: 'not_implemented', itemStatus: 'mandatory', workOn: ['3'] },
      { id: 'A1', title: text('A1'), status: 'partial', itemStatus: 'recommended', workOn: [] },
      {
        id: 'A3',
        title: text('A3'),
        status: 'not_covered',
        workOn: [],
        notCoveredReason: text('outside the checksheet'),
      },
      { id: 'A4', title: text('A4'), status: 'not_covered', workOn: [] },
    ]);
  });

  it('leaves implemented and not applicable items out of the gaps', () => {
    const all = new Map<string, AnswerResult>([
      ['1', 'implemented'],
      ['2', 'not_applicable'],
      ['3', 'not_applicable'],
    ]);
    const inferred = inferCoverage(catalog, { sourceFrameworkId: 'x', targetFrameworkId: 'g', results: all });
    expect(inferred.slice(0, 2).map((item) => item.status)).toEqual(['implemented', 'not_applicable']);
    expect(listCoverageGaps(catalog, 'g', inferred).map((gap) => gap.id)).toEqual(['A3', 'A4']);
  });
});
