import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { NormalisedAdvisory } from '../../core/vulnerabilities/advisory.types';
import type { DeviceIdentity } from '../../core/vulnerabilities/match.types';
import { matchIdentities } from '../../core/vulnerabilities/matcher';
import { readAdvisories } from './read-advisory-file';

// What the importers produce is what the matcher reads: an NVD AND configuration and a JVN
// Japanese range, read from files, matched against device identities.

const dir = mkdtempSync(join(tmpdir(), 'iotcheck-feeds-match-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(name: string, content: string): Promise<NormalisedAdvisory[]> {
  const file = join(dir, name);
  writeFileSync(file, content);
  const out: NormalisedAdvisory[] = [];
  for await (const advisory of readAdvisories(file, { source: 'auto' })) out.push(advisory);
  return out;
}

const firmware = 'cpe:2.3:o:acme:cam-100_firmware:*:*:*:*:*:*:*:*';
const identity = (
  key: string,
  model: string,
  firmwareVersion: string,
  cpes: string[],
  manufacturer = 'Acme',
): DeviceIdentity => ({
  key,
  manufacturer,
  model,
  firmwareVersion,
  cpes,
  purls: [],
});

describe('feeds → matcher', () => {
  it('an NVD AND configuration matches the right model with old firmware only', async () => {
    const cve = {
      id: 'CVE-2026-5000',
      published: '2026-01-01T00:00:00.000',
      lastModified: '2026-01-01T00:00:00.000',
      vulnStatus: 'Analyzed',
      descriptions: [{ lang: 'en', value: 'x' }],
      configurations: [
        {
          operator: 'AND',
          nodes: [
            {
              operator: 'OR',
              cpeMatch: [{ vulnerable: true, criteria: firmware, versionEndExcluding: '1.3.0', matchCriteriaId: 'a' }],
            },
            {
              operator: 'OR',
              cpeMatch: [
                { vulnerable: false, criteria: 'cpe:2.3:h:acme:cam-100:-:*:*:*:*:*:*:*', matchCriteriaId: 'b' },
              ],
            },
          ],
        },
      ],
    };
    const advisories = await read('and.json', JSON.stringify({ format: 'NVD_CVE', vulnerabilities: [{ cve }] }));
    const hardware = (model: string) => `cpe:2.3:h:acme:${model}:-:*:*:*:*:*:*:*`;
    const identities = [
      identity('old', 'CAM-100', '1.2.0', [firmware, hardware('cam-100')]),
      identity('fixed', 'CAM-100', '1.3.0', [firmware, hardware('cam-100')]),
      identity('other-model', 'CAM-200', '1.2.0', [firmware, hardware('cam-200')]),
    ];
    const { matches } = matchIdentities([{ id: 'a1', rules: advisories[0]!.rules }], identities);
    expect(matches.map((match) => match.identityKey)).toEqual(['old']);
  });

  it('a JVN "v6 R4 およびそれ以前" range matches by name, a newer release does not', async () => {
    const xml = `<VULDEF-Document xmlns="http://jvn.jp/vuldef/" xml:lang="ja"><Vulinfo><VulinfoID>JVNDB-2026-000009</VulinfoID><VulinfoData>
<Title>t</Title><Affected><AffectedItem><Name>アクメ株式会社</Name><ProductName>NVR-8</ProductName><VersionNumber>v6 R4 およびそれ以前</VersionNumber></AffectedItem></Affected>
<DateLastUpdated>2026-03-02T12:00:00+09:00</DateLastUpdated></VulinfoData></Vulinfo></VULDEF-Document>`;
    const [advisory] = await read('jvn.xml', xml);
    const identities = [
      identity('v6r3', 'NVR-8', 'v6 R3', [], 'アクメ'),
      identity('v6r5', 'NVR-8', 'v6 R5', [], 'アクメ'),
    ];
    const { matches } = matchIdentities([{ id: 'j1', rules: advisory!.rules }], identities);
    expect(matches.map((match) => [match.identityKey, match.reason.confidence])).toEqual([['v6r3', 'name']]);
  });
});
