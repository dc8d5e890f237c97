import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../core/domain-error';
import type { NormalisedAdvisory } from '../../core/vulnerabilities/advisory.types';
import { filesBelow, fixturesDir, fixturesMissing } from '../../testing/vuln-fixtures';
import { detectAdvisorySource, readAdvisories } from './read-advisory-file';

const dir = mkdtempSync(join(tmpdir(), 'iotcheck-feeds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

async function readAll(
  file: string,
  source: 'auto' | 'nvd' | 'jvn' | 'csaf' | 'osv' = 'auto',
): Promise<NormalisedAdvisory[]> {
  const out: NormalisedAdvisory[] = [];
  for await (const advisory of readAdvisories(file, { source })) out.push(advisory);
  return out;
}

async function failure(file: string, source: 'auto' | 'nvd' | 'jvn' | 'csaf' | 'osv' = 'auto'): Promise<DomainError> {
  try {
    await readAll(file, source);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`${file} was read without error`);
}

const cpe = (vendor: string, product: string, part = 'o', version = '*'): string =>
  `cpe:2.3:${part}:${vendor}:${product}:${version}:*:*:*:*:*:*:*`;

function nvdPage(cves: unknown[]): unknown {
  return {
    resultsPerPage: cves.length,
    startIndex: 0,
    totalResults: cves.length,
    format: 'NVD_CVE',
    version: '2.0',
    vulnerabilities: cves.map((cve) => ({ cve })),
  };
}

const camFirmware = {
  id: 'CVE-2026-1000',
  published: '2026-01-01T00:00:00.000',
  lastModified: '2026-01-02T00:00:00.000',
  vulnStatus: 'Analyzed',
  descriptions: [{ lang: 'en', value: 'CAM-100 firmware before 1.3 lets anyone in.' }],
  metrics: {
    cvssMetricV31: [
      {
        source: 'other',
        type: 'Secondary',
        cvssData: { version: '3.1', vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N', baseScore: 5.3 },
      },
      {
        source: 'nvd@nist.gov',
        type: 'Primary',
        cvssData: { version: '3.1', vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', baseScore: 9.8 },
      },
    ],
    cvssMetricV2: [
      {
        type: 'Primary',
        cvssData: { version: '2.0', vectorString: 'AV:N/AC:L/Au:N/C:C/I:C/A:C', baseScore: 10.0 },
        baseSeverity: 'HIGH',
      },
    ],
  },
  cisaExploitAdd: '2026-01-05',
  cisaActionDue: '2026-01-26',
  cisaRequiredAction: 'Apply updates per vendor instructions.',
  configurations: [
    {
      operator: 'AND',
      nodes: [
        {
          operator: 'OR',
          negate: false,
          cpeMatch: [
            {
              vulnerable: true,
              criteria: cpe('acme', 'cam-100_firmware'),
              versionStartIncluding: '1.0.0',
              versionEndExcluding: '1.3.0',
              matchCriteriaId: 'A',
            },
            { vulnerable: true, criteria: cpe('acme', 'cam-100_firmware', 'o', '0.9'), matchCriteriaId: 'B' },
          ],
        },
        {
          operator: 'OR',
          negate: false,
          cpeMatch: [{ vulnerable: false, criteria: cpe('acme', 'cam-100', 'h', '-'), matchCriteriaId: 'C' }],
        },
      ],
    },
    {
      nodes: [
        {
          operator: 'OR',
          cpeMatch: [
            {
              vulnerable: true,
              criteria: cpe('acme', 'nvr'),
              versionStartExcluding: '2.0',
              versionEndIncluding: '2.4',
              matchCriteriaId: 'D',
            },
          ],
        },
      ],
    },
  ],
  references: [{ url: 'https://example.com/advisory' }],
};

describe('NVD', () => {
  it('turns an AND configuration into groups, keeps the platform as vulnerable:false, reads bounds, scores and KEV', async () => {
    const [advisory] = await readAll(write('page.json', nvdPage([camFirmware])));
    expect(advisory).toMatchObject({
      source: 'nvd',
      trackingId: 'CVE-2026-1000',
      cves: ['CVE-2026-1000'],
      language: 'en',
    });
    expect(advisory!.rules).toEqual([
      {
        groups: [
          [
            {
              selector: { kind: 'cpe', cpe: cpe('acme', 'cam-100_firmware') },
              versions: { kind: 'range', scheme: 'semver', startIncluding: '1.0.0', endExcluding: '1.3.0' },
              vulnerable: true,
            },
            {
              selector: { kind: 'cpe', cpe: cpe('acme', 'cam-100_firmware') },
              versions: { kind: 'range', scheme: 'generic', exact: '0.9' },
              vulnerable: true,
            },
          ],
          [
            {
              // NA ("-") stays NA, distinct from ANY ("*").
              selector: { kind: 'cpe', cpe: cpe('acme', 'cam-100', 'h', '-') },
              versions: { kind: 'all' },
              vulnerable: false,
            },
          ],
        ],
      },
      {
        groups: [
          [
            {
              selector: { kind: 'cpe', cpe: cpe('acme', 'nvr') },
              versions: { kind: 'range', scheme: 'generic', startExcluding: '2.0', endIncluding: '2.4' },
              vulnerable: true,
            },
          ],
        ],
      },
    ]);
    expect(advisory!.scores).toEqual([
      { version: '3.1', baseScore: 9.8, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', level: 'critical' },
      { version: '2.0', baseScore: 10, vector: 'AV:N/AC:L/Au:N/C:C/I:C/A:C', level: 'critical' },
    ]);
    expect(advisory!.kev).toEqual({
      dateAdded: '2026-01-05',
      dueDate: '2026-01-26',
      requiredAction: 'Apply updates per vendor instructions.',
    });
    expect(advisory!.withdrawn).toBeUndefined();
  });

  it('marks rejected CVEs withdrawn and leaves out negated nodes', async () => {
    const rejected = { ...camFirmware, id: 'CVE-2026-1001', vulnStatus: 'Rejected', configurations: [] };
    const negated = {
      ...camFirmware,
      id: 'CVE-2026-1002',
      configurations: [
        {
          operator: 'AND',
          nodes: [
            {
              operator: 'OR',
              cpeMatch: [{ vulnerable: true, criteria: cpe('acme', 'app', 'a'), matchCriteriaId: 'E' }],
            },
            {
              operator: 'OR',
              negate: true,
              cpeMatch: [{ vulnerable: false, criteria: cpe('acme', 'cam-200', 'h'), matchCriteriaId: 'F' }],
            },
          ],
        },
      ],
    };
    const [first, second] = await readAll(write('rejected.json', nvdPage([rejected, negated])));
    expect(first).toMatchObject({ trackingId: 'CVE-2026-1001', withdrawn: true, rules: [] });
    expect(second!.rules).toEqual([
      {
        groups: [
          [{ selector: { kind: 'cpe', cpe: cpe('acme', 'app', 'a') }, versions: { kind: 'all' }, vulnerable: true }],
        ],
      },
    ]);
  });

  it('locates a broken record by its JSON path', async () => {
    const broken = structuredClone(camFirmware) as typeof camFirmware;
    (broken.configurations[0]!.nodes[1]!.cpeMatch[0] as { criteria: string }).criteria = 'cpe:/h:acme:cam-100';
    const error = await failure(write('broken.json', nvdPage([camFirmware, broken])));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual([
      expect.objectContaining({
        path: '$.vulnerabilities[1].cve.configurations[0].nodes[1].cpeMatch[0].criteria',
        field: 'criteria',
        code: 'not_a_cpe',
      }),
    ]);
  });

  it('refuses a file that is not JSON with a located error', async () => {
    const error = await failure(
      write('truncated.json', '{"format":"NVD_CVE","vulnerabilities":[{"cve":{"id":"CVE-2026-1"'),
      'nvd',
    );
    expect(error.details[0]).toMatchObject({
      file: expect.stringContaining('truncated.json'),
      reason: expect.stringContaining('not a readable NVD JSON file'),
    });
  });
});

const csafBase = {
  document: {
    category: 'csaf_security_advisory',
    csaf_version: '2.0',
    publisher: { category: 'vendor', name: 'Acme PSIRT', namespace: 'https://acme.example' },
    title: 'Acme NXG routers: remote code execution',
    lang: 'en',
    tracking: {
      id: 'ACME-2026-0001',
      current_release_date: '2026-02-01T00:00:00.000Z',
      initial_release_date: '2026-02-01T00:00:00.000Z',
      revision_history: [{ date: '2026-02-01T00:00:00.000Z', number: '1', summary: 'Initial' }],
      status: 'final',
      version: '1',
    },
  },
  product_tree: {
    branches: [
      {
        category: 'vendor',
        name: 'Acme',
        branches: [
          {
            category: 'product_name',
            name: 'NXG200V',
            branches: [
              {
                category: 'product_version_range',
                name: '<= nxg200v-p3-4-1',
                product: { product_id: 'NXG-FREE', name: 'Acme NXG200V <= nxg200v-p3-4-1' },
              },
              {
                category: 'product_version_range',
                name: 'vers:generic/>=4.0|<4.5.196',
                product: { product_id: 'NXG-VERS', name: 'Acme NXG200V 4.x' },
              },
              {
                category: 'product_version',
                name: '4.5.196',
                product: { product_id: 'NXG-FIXED', name: 'Acme NXG200V 4.5.196' },
              },
            ],
          },
          {
            category: 'product_name',
            name: 'Hub',
            branches: [
              { category: 'product_version', name: '2.0', product: { product_id: 'HUB-2', name: 'Acme Hub 2.0' } },
            ],
          },
        ],
      },
    ],
    relationships: [
      {
        category: 'installed_on',
        product_reference: 'NXG-VERS',
        relates_to_product_reference: 'HUB-2',
        full_product_name: { product_id: 'NXG-VERS-ON-HUB', name: 'Acme NXG200V 4.x on Hub 2.0' },
      },
    ],
  },
  vulnerabilities: [
    {
      cve: 'CVE-2026-2000',
      notes: [{ category: 'description', text: 'A crafted request runs code on the router.' }],
      product_status: { known_affected: ['NXG-FREE', 'NXG-VERS-ON-HUB'], fixed: ['NXG-FIXED'] },
      remediations: [
        { category: 'vendor_fix', details: 'Update to 4.5.196.', product_ids: ['NXG-FREE', 'NXG-VERS-ON-HUB'] },
      ],
      scores: [
        {
          products: ['NXG-FREE'],
          cvss_v3: {
            version: '3.1',
            vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
            baseScore: 9.8,
            baseSeverity: 'CRITICAL',
          },
        },
      ],
    },
  ],
};

describe('CSAF', () => {
  it('reads names without CPE as name selectors, free text as unparsed, vers as a range and relationships as AND', async () => {
    const [advisory] = await readAll(write('acme.json', csafBase));
    expect(advisory).toMatchObject({
      source: 'csaf',
      trackingId: 'ACME-2026-0001',
      cves: ['CVE-2026-2000'],
      language: 'en',
    });
    const name = (product: string) => ({ kind: 'name', vendor: 'Acme', product });
    expect(advisory!.rules).toEqual([
      {
        groups: [
          [{ selector: name('NXG200V'), versions: { kind: 'unparsed', text: '<= nxg200v-p3-4-1' }, vulnerable: true }],
        ],
      },
      {
        groups: [
          [
            {
              selector: name('NXG200V'),
              versions: { kind: 'range', scheme: 'generic', startIncluding: '4.0', endExcluding: '4.5.196' },
              vulnerable: true,
            },
          ],
          [{ selector: name('Hub'), versions: { kind: 'range', scheme: 'generic', exact: '2.0' }, vulnerable: false }],
        ],
      },
    ]);
    expect(advisory!.remediations).toEqual([{ category: 'vendor_fix', text: 'Update to 4.5.196.', url: null }]);
    expect(advisory!.scores).toEqual([expect.objectContaining({ version: '3.1', baseScore: 9.8, level: 'critical' })]);
  });

  it('refuses a document without document.tracking, located, with the test id, and yields nothing', async () => {
    const invalid = structuredClone(csafBase) as { document: Record<string, unknown> };
    delete invalid.document['tracking'];
    const error = await failure(write('no-tracking.json', invalid));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toContainEqual(
      expect.objectContaining({
        path: '$.document',
        params: { test: 'csaf_2_0' },
        reason: expect.stringContaining('tracking'),
      }),
    );
  });

  it('refuses a product status naming an undefined product, with the mandatory test id', async () => {
    const invalid = structuredClone(csafBase);
    invalid.vulnerabilities[0]!.product_status.known_affected.push('NOPE');
    const error = await failure(write('undefined-product.json', invalid));
    expect(error.details).toContainEqual(
      expect.objectContaining({
        path: '$.vulnerabilities[0].product_status.known_affected[2]',
        params: { test: '6.1.1' },
      }),
    );
  });
});

describe('JVN', () => {
  it('reads a VULDEF with CPE 2.2 and Japanese version phrases; unclear phrases stay unparsed', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<VULDEF-Document version="3.2" xmlns="http://jvn.jp/vuldef/" xml:lang="ja">
  <Vulinfo>
    <VulinfoID>JVNDB-2026-000001</VulinfoID>
    <VulinfoData>
      <Title>アクメ製ネットワークカメラにおける認証回避の脆弱性</Title>
      <VulinfoDescription><Overview>アクメ株式会社が提供する&lt;b&gt;CAM-100&lt;/b&gt;には脆弱性が存在します。</Overview></VulinfoDescription>
      <Affected>
        <AffectedItem>
          <Name>アクメ株式会社</Name>
          <ProductName>CAM-100</ProductName>
          <Cpe version="2.2">cpe:/o:acme:cam-100_firmware</Cpe>
          <VersionNumber>ファームウェア バージョン 2.0.3 より前</VersionNumber>
          <VersionNumber>Windows 版 全て</VersionNumber>
        </AffectedItem>
        <AffectedItem>
          <Name>アクメ株式会社</Name>
          <ProductName>NVR-8</ProductName>
          <VersionNumber>v6 R4 およびそれ以前</VersionNumber>
        </AffectedItem>
      </Affected>
      <Impact><Cvss version="3.0"><Severity type="Base">High</Severity><Base>7.5</Base><Vector>CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N</Vector></Cvss></Impact>
      <Solution><SolutionItem><Description>[アップデートする] 開発者が提供する情報をもとに最新版へアップデートしてください。</Description></SolutionItem></Solution>
      <Related><RelatedItem type="advisory"><Name>CVE</Name><VulinfoID>CVE-2026-3000</VulinfoID><URL>https://www.cve.org/CVERecord?id=CVE-2026-3000</URL></RelatedItem></Related>
      <DateFirstPublished>2026-03-01T12:00:00+09:00</DateFirstPublished>
      <DateLastUpdated>2026-03-02T12:00:00+09:00</DateLastUpdated>
    </VulinfoData>
  </Vulinfo>
</VULDEF-Document>`;
    const file = write('vuldef.xml', xml);
    expect(await detectAdvisorySource(file)).toBe('jvn');
    const [advisory] = await readAll(file);
    expect(advisory).toMatchObject({
      source: 'jvn',
      trackingId: 'JVNDB-2026-000001',
      language: 'ja',
      cves: ['CVE-2026-3000'],
    });
    expect(advisory!.summary).toBe('アクメ株式会社が提供するCAM-100には脆弱性が存在します。');
    expect(advisory!.rules).toEqual([
      {
        groups: [
          [
            {
              selector: { kind: 'cpe', cpe: 'cpe:2.3:o:acme:cam-100_firmware:*:*:*:*:*:*:*:*' },
              versions: { kind: 'range', scheme: 'semver', endExcluding: '2.0.3' },
              vulnerable: true,
            },
            {
              selector: { kind: 'cpe', cpe: 'cpe:2.3:o:acme:cam-100_firmware:*:*:*:*:*:*:*:*' },
              versions: { kind: 'unparsed', text: 'Windows 版 全て' },
              vulnerable: true,
            },
          ],
        ],
      },
      {
        groups: [
          [
            {
              selector: { kind: 'name', vendor: 'アクメ株式会社', product: 'NVR-8' },
              versions: { kind: 'range', scheme: 'vendor', endIncluding: 'v6 R4' },
              vulnerable: true,
            },
          ],
        ],
      },
    ]);
    expect(advisory!.remediations).toEqual([
      { category: 'vendor_fix', text: expect.stringContaining('最新版'), url: null },
    ]);
  });

  it('locates a bad CPE in VULDEF by its XML path', async () => {
    const xml = `<VULDEF-Document xmlns="http://jvn.jp/vuldef/"><Vulinfo><VulinfoID>JVNDB-2026-000002</VulinfoID><VulinfoData><Title>t</Title>
<Affected><AffectedItem><Name>a</Name><ProductName>b</ProductName><Cpe version="2.2">cpe:/x:bad</Cpe></AffectedItem></Affected>
<DateLastUpdated>2026-03-02T12:00:00+09:00</DateLastUpdated></VulinfoData></Vulinfo></VULDEF-Document>`;
    const error = await failure(write('bad-cpe.xml', xml));
    expect(error.details).toEqual([
      expect.objectContaining({
        path: '/VULDEF-Document/Vulinfo[1]/VulinfoData/Affected/AffectedItem[1]/Cpe[1]',
        field: 'Cpe',
        code: 'not_a_cpe',
      }),
    ]);
  });
});

describe('OSV', () => {
  it('reads ranges by ecosystem, builds a purl when the record has none, skips GIT ranges', async () => {
    const record = {
      schema_version: '1.6.0',
      id: 'DSA-0000-1',
      modified: '2026-04-01T00:00:00Z',
      aliases: ['CVE-2026-4000'],
      summary: 'openssl security update',
      severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H' }],
      affected: [
        {
          package: { ecosystem: 'Debian:12', name: 'openssl' },
          ranges: [
            { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '3.0.15-1~deb12u1' }] },
            { type: 'GIT', repo: 'https://example.com/openssl.git', events: [{ introduced: 'abc' }, { fixed: 'def' }] },
          ],
        },
        {
          package: { ecosystem: 'npm', name: '@acme/web' },
          ranges: [
            { type: 'SEMVER', events: [{ introduced: '1.0.0' }, { last_affected: '1.4.2' }, { introduced: '2.0.0' }] },
          ],
        },
        {
          package: { ecosystem: 'GIT', name: 'https://example.com/x.git' },
          ranges: [{ type: 'GIT', events: [{ introduced: '0' }] }],
        },
      ],
    };
    const [advisory] = await readAll(write('osv.json', record));
    expect(advisory).toMatchObject({ source: 'osv', trackingId: 'DSA-0000-1', cves: ['CVE-2026-4000'] });
    expect(advisory!.scores).toEqual([expect.objectContaining({ version: '3.1', baseScore: 7.5, level: 'high' })]);
    expect(advisory!.rules).toEqual([
      {
        groups: [
          [
            {
              selector: { kind: 'purl', purl: 'pkg:deb/debian/openssl' },
              versions: { kind: 'range', scheme: 'deb', endExcluding: '3.0.15-1~deb12u1' },
              vulnerable: true,
            },
          ],
        ],
      },
      {
        groups: [
          [
            {
              selector: { kind: 'purl', purl: 'pkg:npm/%40acme/web' },
              versions: { kind: 'range', scheme: 'semver', startIncluding: '1.0.0', endIncluding: '1.4.2' },
              vulnerable: true,
            },
            {
              selector: { kind: 'purl', purl: 'pkg:npm/%40acme/web' },
              versions: { kind: 'range', scheme: 'semver', startIncluding: '2.0.0' },
              vulnerable: true,
            },
          ],
        ],
      },
    ]);
  });
});

const vulnFixturesMissing = fixturesMissing('vuln');

describe.skipIf(vulnFixturesMissing !== undefined)(
  vulnFixturesMissing ?? 'public fixtures (../shared/fixtures/vuln)',
  () => {
    // Files that are not advisories (schemas, a CSAF provider-metadata document) are refused with
    // a stated reason; every advisory file imports.
    const refused: Record<string, string> = {
      'csaf/examples/provider-metadata/example-01-provider-metadata.json': 'not an NVD, JVN, CSAF or OSV advisory file',
    };
    const root = vulnFixturesMissing === undefined ? fixturesDir('vuln') : '';
    const files =
      root === ''
        ? []
        : filesBelow(root, ['.json', '.xml']).filter(
            (file) => !/(?:^|\/)(?:json_schema|schema|referenced_schema_first)\//.test(relative(root, file)),
          );

    it('finds the fixture files', () => {
      expect(files.length).toBeGreaterThanOrEqual(30);
    });

    it.each(files.map((file) => [relative(root, file), file]))('%s', async (name, file) => {
      const reason = refused[name];
      if (reason) {
        const error = await failure(file);
        expect(error.details[0]!.reason).toContain(reason);
        return;
      }
      const advisories = await readAll(file);
      expect(advisories.length).toBeGreaterThan(0);
      for (const advisory of advisories) {
        expect(advisory.trackingId).not.toBe('');
        expect(advisory.lastModified).not.toBe('');
      }
      expect(basename(file)).not.toBe('');
    });

    it('reads the JVN VULDEF phrase "v6 R4 およびそれ以前" and the NVD fixture ranges', async () => {
      const [jvn] = await readAll(join(root, 'jvn/hnd/getVulnDetailInfo_hnd_JVNDB-2022-000097.xml'));
      expect(jvn!.rules[0]!.groups[0]![0]).toEqual({
        selector: { kind: 'cpe', cpe: 'cpe:2.3:a:jacic:electronic_bidding_core_system:*:*:*:*:*:*:*:*' },
        versions: { kind: 'range', scheme: 'vendor', endIncluding: 'v6 R4' },
        vulnerable: true,
      });
      const [struts] = await readAll(join(root, 'nvd/items/CVE-2017-5638-cvssv3-rating.json'));
      expect(struts!.rules.length).toBeGreaterThan(0);
      expect(struts!.scores.map((score) => score.version)).toContain('3.0');
      const vex = await readAll(join(root, 'csaf/examples/csaf/csaf_vex/2022-evd-uc-01-a-001.json'));
      expect(vex[0]!.rules.length).toBe(1);
    });
  },
);
