import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import {
  IMPORTER_RUNS,
  expectLocatedRefusal,
  hostileBytes,
  hostileText,
  mutated,
  readOrRefusal,
} from '../../testing/hostile-input';
import { readAdvisories } from './read-advisory-file';

// Issue 16, hostile input: NVD, JVN, CSAF and OSV files of arbitrary bytes are read or refused
// with located problems (file plus JSON or XML path); nothing else escapes, nothing hangs.

const dir = mkdtempSync(join(tmpdir(), 'iotcheck-feeds-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let written = 0;
async function readsOrRefusesLocated(content: string | Uint8Array, source: 'auto' | 'nvd' | 'jvn' | 'csaf' | 'osv') {
  const file = join(dir, `advisory-${written++}`);
  writeFileSync(file, content);
  const outcome = await readOrRefusal(async () => {
    for await (const advisory of readAdvisories(file, { source })) void advisory;
  });
  if ('refusal' in outcome) expectLocatedRefusal(outcome.refusal, file);
}

const sources = fc.constantFrom('auto', 'nvd', 'jvn', 'csaf', 'osv') as fc.Arbitrary<
  'auto' | 'nvd' | 'jvn' | 'csaf' | 'osv'
>;
const nvd = JSON.stringify({
  resultsPerPage: 1,
  startIndex: 0,
  totalResults: 1,
  format: 'NVD_CVE',
  version: '2.0',
  vulnerabilities: [{ cve: { id: 'CVE-2026-1', published: '2026-01-01T00:00:00.000', descriptions: [] } }],
});
const osv = JSON.stringify({
  schema_version: '1.6.0',
  id: 'OSV-2026-1',
  modified: '2026-01-01T00:00:00Z',
  affected: [{ package: { ecosystem: 'npm', name: 'x' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }] }],
});
const jvn = `<?xml version="1.0"?><VULDEF-Document version="3.2" xmlns="http://jvn.jp/vuldef/"><Vulinfo><VulinfoID>JVNDB-2026-000001</VulinfoID><VulinfoData><Title>t</Title></VulinfoData></Vulinfo></VULDEF-Document>`;
const csaf = JSON.stringify({ document: { category: 'csaf_base', csaf_version: '2.0', title: 't' } });

describe('readAdvisories on hostile input', () => {
  it('reads or refuses, located, arbitrary bytes and text under every source', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          hostileBytes([
            '{"format":"NVD_CVE","vulnerabilities":[',
            '<?xml version="1.0"?><VULDEF-Document>',
            '{"document":',
          ]),
          hostileText,
          fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value) ?? 'null'),
        ),
        sources,
        async (content, source) => readsOrRefusesLocated(content, source),
      ),
      { numRuns: IMPORTER_RUNS },
    );
  });

  it('reads or refuses, located, broken variants of small NVD, OSV, JVN and CSAF documents', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated(nvd), mutated(osv), mutated(jvn), mutated(csaf)), async (content) =>
        readsOrRefusesLocated(content, 'auto'),
      ),
      { numRuns: IMPORTER_RUNS },
    );
  });

  it('refuses a JSON document that is not an object (null, an array, a number, a string) under every source', async () => {
    for (const content of ['null', '[]', '1', '"x"'])
      for (const source of ['auto', 'nvd', 'csaf', 'osv'] as const) await readsOrRefusesLocated(content, source);
  });

  it('refuses JSON and XML nested 100,000 levels deep under every source, located', async () => {
    const deepJson = `{"document":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const deepXml = `<?xml version="1.0"?><VULDEF-Document version="3.2" xmlns="http://jvn.jp/vuldef/">${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</VULDEF-Document>`;
    for (const source of ['auto', 'nvd', 'csaf', 'osv'] as const) await readsOrRefusesLocated(deepJson, source);
    for (const source of ['auto', 'jvn'] as const) await readsOrRefusesLocated(deepXml, source);
  });
});
