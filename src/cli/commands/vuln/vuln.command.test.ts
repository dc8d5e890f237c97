import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedLinkedDevice } from '../../../testing/seed-linked-device';
import { seedOrganisation } from '../../../testing/test-accounts';
import { createCliRunner } from '../../../testing/test-cli';
import { describeEachDialect } from '../../../testing/test-database';

const firmwareCpe = (model: string) => `cpe:2.3:o:acme:${model}_firmware:*:*:*:*:*:*:*:*`;
const hardwareCpe = (model: string) => `cpe:2.3:h:acme:${model}:-:*:*:*:*:*:*:*`;

/** An NVD CVE API 2.0 page with one CVE: firmware of `model` before 1.3.0, on that hardware (AND). */
function nvdPage(id: string, model: string) {
  return {
    format: 'NVD_CVE',
    version: '2.0',
    vulnerabilities: [
      {
        cve: {
          id,
          published: '2026-01-01T00:00:00.000',
          lastModified: '2026-01-02T00:00:00.000',
          vulnStatus: 'Analyzed',
          descriptions: [{ lang: 'en', value: `Overflow in ${model}` }],
          metrics: {
            cvssMetricV31: [
              {
                source: 'nvd@nist.gov',
                type: 'Primary',
                cvssData: {
                  version: '3.1',
                  vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
                  baseScore: 9.8,
                  baseSeverity: 'CRITICAL',
                },
              },
            ],
          },
          configurations: [
            {
              operator: 'AND',
              nodes: [
                {
                  operator: 'OR',
                  cpeMatch: [
                    {
                      vulnerable: true,
                      criteria: firmwareCpe(model),
                      versionEndExcluding: '1.3.0',
                      matchCriteriaId: 'a',
                    },
                  ],
                },
                {
                  operator: 'OR',
                  cpeMatch: [{ vulnerable: false, criteria: hardwareCpe(model), matchCriteriaId: 'b' }],
                },
              ],
            },
          ],
        },
      },
    ],
  };
}

/** A CSAF 2.0 document without document.tracking: refused by the CSAF schema. */
const csafWithoutTracking = {
  document: {
    category: 'csaf_security_advisory',
    csaf_version: '2.0',
    publisher: { category: 'vendor', name: 'Acme PSIRT', namespace: 'https://acme.example' },
    title: 'Acme: broken advisory',
    lang: 'en',
  },
};

describeEachDialect('iotcheck vuln and sbom', (database) => {
  const cli = createCliRunner(database, 'vuln');
  let org: string;
  beforeAll(async () => {
    org = await seedOrganisation(database(), 'Plant');
  });
  afterAll(() => cli.cleanUp());
  const advisoryIds = async (...trackingIds: string[]) =>
    (
      await database()
        .db.selectFrom('advisory')
        .select('tracking_id')
        .where('tracking_id', 'in', trackingIds)
        .orderBy('tracking_id')
        .execute()
    ).map((row) => row.tracking_id);
  const write = (name: string, value: unknown) => {
    const file = join(cli.dir, name);
    writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
    return file;
  };

  it('imports an NVD file from a directory, matches, and lists the right device with why', async () => {
    const device = (assetTag: string, model: string, firmwareVersion: string) =>
      seedLinkedDevice(database(), org, {
        fields: {
          assetTag,
          manufacturer: 'Acme',
          model,
          firmwareVersion,
          cpes: [firmwareCpe(model), hardwareCpe(model)],
        },
      });
    await device('CAM-OLD', 'cam-100', '1.2.0');
    await device('CAM-NEW', 'cam-100', '1.3.0');
    await device('OTHER', 'cam-200', '1.0.0');
    const feeds = join(cli.dir, 'feeds');
    mkdirSync(join(feeds, 'nested'), { recursive: true });
    writeFileSync(join(feeds, 'nested', 'nvd-page.json'), JSON.stringify(nvdPage('CVE-2026-7001', 'cam-100')));
    writeFileSync(join(feeds, 'notes.txt'), 'not a feed');

    const dry = await cli.run(['vuln', 'import', feeds, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('1 file(s), 1 advisories — 1 new, 0 changed, 0 unchanged');
    expect(dry.out).toContain('Dry run: nothing was written.');
    expect(await advisoryIds('CVE-2026-7001')).toEqual([]);

    const imported = await cli.run(['vuln', 'import', feeds, '--source', 'nvd']);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('1 file(s), 1 advisories — 1 new, 0 changed, 0 unchanged');
    expect(imported.err).toContain('nvd-page.json');
    expect(await advisoryIds('CVE-2026-7001')).toEqual(['CVE-2026-7001']);

    const matched = await cli.run(['vuln', 'match', '--org', org, '--json']);
    expect(matched.code).toBe(0);
    expect(JSON.parse(matched.out)).toMatchObject({ matches: 1, added: 1, removed: 0, full: true });

    const listed = await cli.run(['vuln', 'list', '--org', org, '--json']);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.out)).toEqual([
      {
        assetTag: 'CAM-OLD',
        advisory: 'CVE-2026-7001',
        cves: ['CVE-2026-7001'],
        severity: 'critical',
        status: 'in_triage',
        // The reader keeps the hardware platform's NA version ('-'), distinct from ANY ('*').
        why: {
          kind: 'cpe',
          selector: firmwareCpe('cam-100'),
          range: '< 1.3.0',
          platform: hardwareCpe('cam-100'),
        },
      },
    ]);
    const one = await cli.run(['vuln', 'list', '--org', org, '--device', 'CAM-NEW', '--json']);
    expect(JSON.parse(one.out)).toEqual([]);
    const table = await cli.run(['vuln', 'list', '--org', org, '--device', 'CAM-OLD'], 'ja');
    expect(table.out.split('\n')[0]).toBe('資産番号\t脆弱性情報\tCVE\t深刻度\t状態\t根拠');
    expect(table.out).toContain(
      `CAM-OLD\tCVE-2026-7001\tCVE-2026-7001\tcritical\tin_triage\t${firmwareCpe('cam-100')}`,
    );
    const unknown = await cli.run(['vuln', 'list', '--org', org, '--device', 'NOPE']);
    expect(unknown.code).toBe(66);
    expect(unknown.err).toContain('no device with asset tag NOPE');

    const triage = (...rest: string[]) => [
      'vuln',
      'triage',
      '--org',
      org,
      '--device',
      'CAM-OLD',
      '--advisory',
      'CVE-2026-7001',
      ...rest,
    ];
    expect((await cli.run(triage('--status', 'fixed'))).code).toBe(64);
    expect((await cli.run(triage('--status', 'not_affected', '--justification', 'because'))).code).toBe(64);
    const unjustified = await cli.run(triage('--status', 'not_affected'));
    expect(unjustified.code).toBe(65);
    expect(unjustified.err).toContain('justification');
    const triaged = await cli.run(
      triage('--status', 'not_affected', '--justification', 'code_not_present', '--note', 'vendor patch'),
      'ja',
    );
    expect(triaged.code).toBe(0);
    expect(triaged.out).toBe('CAM-OLD: CVE-2026-7001 を not_affected にしました（版 1）。');
    const again = await cli.run(triage('--status', 'resolved', '--owner', 'ops', '--due', '2026-12-31'));
    expect(again.out).toBe('CAM-OLD: CVE-2026-7001 is now resolved (version 2).');
    const after = await cli.run(['vuln', 'list', '--org', org, '--device', 'CAM-OLD', '--json']);
    expect(JSON.parse(after.out)).toMatchObject([{ assetTag: 'CAM-OLD', status: 'resolved' }]);
  });

  it('refuses an import with an invalid CSAF or NVD file: exit 65, located errors, nothing imported', async () => {
    const good = write('good-nvd.json', nvdPage('CVE-2026-7002', 'cam-300'));
    const csaf = write('no-tracking.json', csafWithoutTracking);
    const refused = await cli.run(['vuln', 'import', good, csaf]);
    expect(refused.code).toBe(65);
    expect(refused.err).toMatch(/no-tracking\.json.*\$\.document.*tracking/);
    expect(await advisoryIds('CVE-2026-7002')).toEqual([]);

    const broken = nvdPage('CVE-2026-7003', 'cam-300');
    (broken.vulnerabilities[0]!.cve as Record<string, unknown>)['configurations'] = 'everything';
    const nvd = write('broken-nvd.json', broken);
    const refusedNvd = await cli.run(['vuln', 'import', good, nvd, '--source', 'nvd']);
    expect(refusedNvd.code).toBe(65);
    expect(refusedNvd.err).toContain('broken-nvd.json');
    expect(refusedNvd.err).toContain('$.vulnerabilities[0]');
    expect(await advisoryIds('CVE-2026-7002', 'CVE-2026-7003')).toEqual([]);

    const missing = await cli.run(['vuln', 'import', join(cli.dir, 'absent.json')]);
    expect(missing.code).toBe(65);
    expect(missing.err).toContain('no such file or directory');
  });

  it('imports a CycloneDX SBOM for a model; the next match finds its purl in an OSV advisory', async () => {
    await seedLinkedDevice(database(), org, {
      fields: { assetTag: 'GW-1', manufacturer: 'Acme', model: 'GW-9', firmwareVersion: '5.0' },
    });
    const osv = write('osv-web.json', {
      schema_version: '1.6.0',
      id: 'GHSA-test-7004',
      modified: '2026-04-01T00:00:00Z',
      aliases: ['CVE-2026-7004'],
      summary: 'acme web prototype pollution',
      affected: [
        {
          package: { ecosystem: 'npm', name: '@acme/web' },
          ranges: [{ type: 'SEMVER', events: [{ introduced: '1.0.0' }, { fixed: '1.4.3' }] }],
        },
      ],
    });
    expect((await cli.run(['vuln', 'import', osv])).code).toBe(0);
    const before = await cli.run(['vuln', 'list', '--org', org, '--device', 'GW-1', '--json']);
    expect(JSON.parse(before.out)).toEqual([]);

    const sbom = {
      bomFormat: 'CycloneDX',
      specVersion: '1.5',
      version: 1,
      components: [
        { type: 'library', name: '@acme/web', version: '1.4.2', purl: 'pkg:npm/%40acme/web@1.4.2' },
        { type: 'library', name: 'left', version: '2.0.0', purl: 'pkg:npm/left@2.0.0' },
      ],
    };
    const file = write('gw-9.cdx.json', sbom);
    const needsTarget = await cli.run(['sbom', 'import', file, '--org', org]);
    expect(needsTarget.code).toBe(65);
    const imported = await cli.run(['sbom', 'import', file, '--org', org, '--model', 'GW-9', '--manufacturer', 'Acme']);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('gw-9.cdx.json: 2 components (2 with a purl or CPE) stored for Acme GW-9.');
    const again = await cli.run(['sbom', 'import', file, '--org', org, '--model', 'GW-9', '--manufacturer', 'Acme']);
    expect(again.out).toContain('The earlier SBOM of the same target was replaced.');
    const stored = await database()
      .db.selectFrom('sbom')
      .innerJoin('sbom_component', 'sbom_component.sbom_id', 'sbom.id')
      .select(['sbom.model', 'sbom_component.purl'])
      .where('sbom.organisation_id', '=', org)
      .orderBy('sbom_component.position')
      .execute();
    expect(stored).toEqual([
      { model: 'GW-9', purl: 'pkg:npm/%40acme/web@1.4.2' },
      { model: 'GW-9', purl: 'pkg:npm/left@2.0.0' },
    ]);
    const audited = await database()
      .db.selectFrom('audit_event')
      .select('action')
      .where('organisation_id', '=', org)
      .where('action', '=', 'sbom.import')
      .execute();
    expect(audited).toHaveLength(2);

    expect((await cli.run(['vuln', 'match', '--org', org])).code).toBe(0);
    const after = await cli.run(['vuln', 'list', '--org', org, '--device', 'GW-1', '--json']);
    expect(JSON.parse(after.out)).toEqual([
      expect.objectContaining({
        assetTag: 'GW-1',
        advisory: 'GHSA-test-7004',
        why: expect.objectContaining({ kind: 'purl', selector: 'pkg:npm/%40acme/web' }),
      }),
    ]);

    const invalid = write('broken.cdx.json', { ...sbom, components: [{ type: 'library', version: '1' }] });
    const refused = await cli.run(['sbom', 'import', invalid, '--org', org, '--device', 'GW-1']);
    expect(refused.code).toBe(65);
    expect(refused.err).toContain('broken.cdx.json');
    const devices = await database()
      .db.selectFrom('sbom')
      .select('id')
      .where('organisation_id', '=', org)
      .where('device_id', 'is not', null)
      .execute();
    expect(devices).toEqual([]);
  });
});
