import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { NormalisedAdvisory } from '../../../core/vulnerabilities/advisory.types';
import { expectLocatedRefusal, readOrRefusal } from '../../../testing/hostile-input';
import { readAdvisories } from '../read-advisory-file';

// Issue 16, known-bad documents: the official CSAF 2.0 invalid test files are not in
// ../shared/fixtures/vuln/csaf nor inside @secvisogram/csaf-validator-lib, so these are our own:
// one valid advisory broken once per mandatory test (section 6.1) we can trigger. Each is refused
// naming the file, the JSON path and the test id, and yields no advisory.

const dir = mkdtempSync(join(tmpdir(), 'iotcheck-csaf-invalid-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Csaf = ReturnType<typeof validAdvisory>;

function validAdvisory() {
  const date = '2026-02-01T00:00:00.000Z';
  return {
    document: {
      category: 'csaf_security_advisory',
      csaf_version: '2.0',
      publisher: { category: 'vendor', name: 'Acme PSIRT', namespace: 'https://acme.example' } as Record<
        string,
        unknown
      >,
      title: 'Acme cameras: authentication bypass',
      lang: 'en',
      tracking: {
        id: 'ACME-2026-0002',
        current_release_date: date,
        initial_release_date: date,
        revision_history: [{ date, number: '1', summary: 'Initial' }] as {
          date: string;
          number: string;
          summary: string;
        }[],
        status: 'final',
        version: '1',
      },
    } as Record<string, unknown> & {
      tracking: {
        revision_history: { date: string; number: string; summary: string }[];
        version: string;
        status: string;
      };
    },
    product_tree: {
      branches: [
        {
          category: 'vendor',
          name: 'Acme',
          branches: [
            {
              category: 'product_name',
              name: 'CAM-100',
              branches: [
                {
                  category: 'product_version',
                  name: '1.2',
                  product: {
                    product_id: 'CAM-12',
                    name: 'Acme CAM-100 1.2',
                    product_identification_helper: { purl: 'pkg:generic/acme/cam-100@1.2' } as Record<string, unknown>,
                  },
                },
                {
                  category: 'product_version',
                  name: '1.3',
                  product: { product_id: 'CAM-13', name: 'Acme CAM-100 1.3' } as Record<string, unknown>,
                },
              ],
            },
          ],
        },
      ],
      product_groups: [{ group_id: 'G-ALL', product_ids: ['CAM-12', 'CAM-13'] }],
      relationships: [] as Record<string, unknown>[],
    },
    vulnerabilities: [
      {
        cve: 'CVE-2026-4000',
        cwe: { id: 'CWE-287', name: 'Improper Authentication' },
        notes: [{ category: 'description', text: 'A crafted request skips the password check.' }],
        product_status: { known_affected: ['CAM-12'], fixed: ['CAM-13'] } as Record<string, string[]>,
        remediations: [{ category: 'vendor_fix', details: 'Update to 1.3.', product_ids: ['CAM-12'] }] as Record<
          string,
          unknown
        >[],
        scores: [
          {
            products: ['CAM-12'],
            cvss_v3: {
              version: '3.1',
              vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
              baseScore: 9.8,
              baseSeverity: 'CRITICAL',
            } as Record<string, unknown>,
          },
        ],
      } as Record<string, unknown> & {
        product_status: Record<string, string[]>;
        scores: { products: string[]; cvss_v3: Record<string, unknown> }[];
        remediations: Record<string, unknown>[];
      },
    ],
  };
}

const product = (document: Csaf, index: number) =>
  document.product_tree.branches[0]!.branches[0]!.branches[index]!.product as Record<string, unknown>;

/** Test id → [what is broken, the change, the JSON path the refusal must name]. */
const CASES: [string, string, (document: Csaf) => void, string][] = [
  [
    '6.1.1',
    'a product status naming an undefined product',
    (d) => d.vulnerabilities[0]!.product_status['known_affected']!.push('CAM-99'),
    '$.vulnerabilities[0].product_status.known_affected[1]',
  ],
  [
    '6.1.2',
    'two products with one product id',
    (d) => void (product(d, 1)['product_id'] = 'CAM-12'),
    '$.product_tree.branches[0].branches[0].branches[1].product.product_id',
  ],
  [
    '6.1.3',
    'a relationship defining a product by itself',
    (d) =>
      d.product_tree.relationships.push({
        category: 'installed_on',
        product_reference: 'CAM-X',
        relates_to_product_reference: 'CAM-12',
        full_product_name: { product_id: 'CAM-X', name: 'Loop' },
      }),
    '$.product_tree.relationships[0].product_reference',
  ],
  [
    '6.1.4',
    'a remediation naming an undefined product group',
    (d) => void (d.vulnerabilities[0]!.remediations[0]!['group_ids'] = ['G-NONE']),
    '$.vulnerabilities[0].remediations[0].group_ids[0]',
  ],
  [
    '6.1.5',
    'two product groups with one group id',
    (d) => d.product_tree.product_groups.push({ group_id: 'G-ALL', product_ids: ['CAM-12', 'CAM-13'] }),
    '$.product_tree.product_groups[1].group_id',
  ],
  [
    '6.1.6',
    'a product both affected and fixed',
    (d) => d.vulnerabilities[0]!.product_status['fixed']!.push('CAM-12'),
    '$.vulnerabilities[0].product_status',
  ],
  [
    '6.1.7',
    'two CVSS 3.1 scores for one product',
    (d) => d.vulnerabilities[0]!.scores.push(structuredClone(d.vulnerabilities[0]!.scores[0]!)),
    '$.vulnerabilities[0].scores[1].products[0]',
  ],
  [
    '6.1.9',
    'a base score that the vector does not compute to',
    (d) => void (d.vulnerabilities[0]!.scores[0]!.cvss_v3['baseScore'] = 5.0),
    '$.vulnerabilities[0].scores[0].cvss_v3.baseScore',
  ],
  [
    '6.1.10',
    'CVSS properties contradicting the vector',
    (d) => void (d.vulnerabilities[0]!.scores[0]!.cvss_v3['attackVector'] = 'LOCAL'),
    '$.vulnerabilities[0].scores[0].cvss_v3.attackVector',
  ],
  [
    '6.1.11',
    'a CWE id with the wrong name',
    (d) => void (d.vulnerabilities[0]!['cwe'] = { id: 'CWE-287', name: 'Something else' }),
    '$.vulnerabilities[0].cwe.name',
  ],
  ['6.1.12', 'an invalid language tag', (d) => void (d.document['lang'] = 'en-xxxxxxxxxx-'), '$.document.lang'],
  [
    '6.1.13',
    'an invalid purl',
    (d) => void (product(d, 0)['product_identification_helper'] = { purl: 'pkg:/%zz' }),
    '$.product_tree.branches[0].branches[0].branches[0].product.product_identification_helper.purl',
  ],
  [
    '6.1.14',
    'a revision history not sorted by date',
    (d) => {
      d.document.tracking.revision_history = [
        { date: '2026-02-01T00:00:00.000Z', number: '2', summary: 'Second' },
        { date: '2026-01-01T00:00:00.000Z', number: '1', summary: 'First' },
      ].reverse();
      d.document.tracking.revision_history[0]!.number = '2';
      d.document.tracking.revision_history[1]!.number = '1';
      d.document.tracking.version = '2';
      d.document.tracking['initial_release_date' as never] = '2026-01-01T00:00:00.000Z' as never;
    },
    '$.document.tracking.revision_history',
  ],
  [
    '6.1.15',
    'a translator publisher without source_lang',
    (d) => void (d.document['publisher'] = { category: 'translator', name: 'T', namespace: 'https://t.example' }),
    '$.document.publisher.category',
  ],
  [
    '6.1.16',
    'a version other than the latest revision',
    (d) => void (d.document.tracking.version = '2'),
    '$.document.tracking.version',
  ],
  [
    '6.1.17',
    'a final document with a pre-release version',
    (d) => void (d.document.tracking.version = '1.0.0-rc.1'),
    '$.document.tracking.status',
  ],
  [
    '6.1.21',
    'a gap in the revision numbers',
    (d) => {
      d.document.tracking.revision_history.push({ date: '2026-02-01T00:00:00.000Z', number: '3', summary: 'Third' });
      d.document.tracking.version = '3';
    },
    '$.document.tracking.revision_history',
  ],
  [
    '6.1.22',
    'one revision number twice',
    (d) =>
      d.document.tracking.revision_history.push({ date: '2026-02-01T00:00:00.000Z', number: '1', summary: 'Again' }),
    '$.document.tracking.revision_history[1].number',
  ],
  [
    '6.1.23',
    'one CVE in two vulnerabilities',
    (d) => d.vulnerabilities.push(structuredClone(d.vulnerabilities[0]!)),
    '$.vulnerabilities[1].cve',
  ],
  [
    '6.1.26',
    'a prohibited document category',
    (d) => void (d.document['category'] = 'Security_Incident_Response'),
    '$.document.category',
  ],
  [
    '6.1.27.5',
    'a security advisory vulnerability without notes',
    (d) => void delete d.vulnerabilities[0]!['notes'],
    '$.vulnerabilities[0]',
  ],
  [
    '6.1.29',
    'a remediation without product reference',
    (d) => void delete d.vulnerabilities[0]!.remediations[0]!['product_ids'],
    '$.vulnerabilities[0].remediations[0]',
  ],
];

/** The document as a file's JSON; an empty relationships list is left out (the schema wants at least one). */
function serialise(document: Csaf): string {
  const { relationships, ...tree } = document.product_tree;
  return JSON.stringify({ ...document, product_tree: relationships.length > 0 ? document.product_tree : tree });
}

async function readAll(file: string): Promise<NormalisedAdvisory[]> {
  const out: NormalisedAdvisory[] = [];
  for await (const advisory of readAdvisories(file, { source: 'auto' })) out.push(advisory);
  return out;
}

describe('known-bad CSAF 2.0 documents', () => {
  it('the unbroken advisory is read (so each case fails for its one change)', async () => {
    const file = join(dir, 'valid.json');
    writeFileSync(file, serialise(validAdvisory()));
    const outcome = await readOrRefusal(() => readAll(file));
    if ('refusal' in outcome) throw new Error(JSON.stringify(outcome.refusal.details));
    expect(outcome.value).toHaveLength(1);
  });

  it.each(CASES)(
    'mandatory test %s: refuses %s, naming file, path and test, importing nothing',
    async (test, _, change, path) => {
      const document = validAdvisory();
      change(document);
      const file = join(dir, `invalid-${test}.json`);
      writeFileSync(file, serialise(document));
      const yielded: NormalisedAdvisory[] = [];
      const outcome = await readOrRefusal(async () => {
        for await (const advisory of readAdvisories(file, { source: 'auto' })) yielded.push(advisory);
      });
      expect(yielded).toEqual([]);
      if ('value' in outcome) throw new Error(`test ${test}: the document was accepted`);
      expectLocatedRefusal(outcome.refusal, file);
      const ours = outcome.refusal.details.filter((detail) => detail.params?.['test'] === test);
      expect(ours, JSON.stringify(outcome.refusal.details)).not.toEqual([]);
      expect(ours.map((detail) => detail.path).join(' | ')).toContain(path);
    },
  );
});
