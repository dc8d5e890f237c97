import { describe, expect, it } from 'vitest';
import type { AffectedRule, RuleTerm, VersionConstraint } from './advisory.types';
import type { DeviceIdentity, MatchableAdvisory } from './match.types';
import { matchIdentities } from './matcher';
import { buildIdentities } from './match-identity';
import { proposeCpes } from './propose-cpes';

const cpeTerm = (cpe: string, versions: VersionConstraint = { kind: 'all' }, vulnerable = true): RuleTerm => ({
  selector: { kind: 'cpe', cpe },
  versions,
  vulnerable,
});
const below = (end: string, scheme: 'generic' | 'vendor' = 'generic'): VersionConstraint => ({
  kind: 'range',
  scheme,
  endExcluding: end,
});

function identity(key: string, model: string, firmware: string, extra: Partial<DeviceIdentity> = {}): DeviceIdentity {
  return {
    key,
    manufacturer: 'Acme',
    model,
    firmwareVersion: firmware,
    cpes: [
      `cpe:2.3:h:acme:${model.toLowerCase()}:-:*:*:*:*:*:*:*`,
      `cpe:2.3:o:acme:${model.toLowerCase()}_firmware:*:*:*:*:*:*:*:*`,
    ],
    purls: [],
    ...extra,
  };
}

// "firmware < 1.3 running on hardware CAM-100": two groups, the hardware a platform condition.
const andRule: AffectedRule = {
  groups: [
    [
      cpeTerm('cpe:2.3:o:acme:firmware:*:*:*:*:*:*:*:*', below('1.3')),
      cpeTerm('cpe:2.3:o:acme:cam-100_firmware:*:*:*:*:*:*:*:*', below('1.3')),
    ],
    [cpeTerm('cpe:2.3:h:acme:cam-100:-:*:*:*:*:*:*:*', { kind: 'all' }, false)],
  ],
};

describe('matcher', () => {
  it('matches an AND configuration only on the right model with affected firmware', () => {
    const identities = [
      identity('a', 'CAM-100', '1.2'),
      identity('b', 'CAM-200', '1.2'),
      identity('c', 'CAM-100', '1.3'),
    ];
    const { matches } = matchIdentities([{ id: 'adv', rules: [andRule] }], identities);
    expect(matches.map((m) => m.identityKey)).toEqual(['a']);
    expect(matches[0]!.reason.confidence).toBe('exact');
    expect(matches[0]!.reason.terms.map((t) => t.vulnerable)).toEqual([true, false]);
  });

  it('never lets a rule of platform conditions alone match', () => {
    const platformOnly: AffectedRule = {
      groups: [[cpeTerm('cpe:2.3:h:acme:cam-100:-:*:*:*:*:*:*:*', { kind: 'all' }, false)]],
    };
    expect(matchIdentities([{ id: 'x', rules: [platformOnly] }], [identity('a', 'CAM-100', '1.0')]).matches).toEqual(
      [],
    );
  });

  it('respects included and excluded bounds and vendor version forms', () => {
    const term = (versions: VersionConstraint) => ({
      id: JSON.stringify(versions),
      rules: [{ groups: [[cpeTerm('cpe:2.3:o:acme:cam-100_firmware:*:*:*:*:*:*:*:*', versions)]] }],
    });
    const ids = ['V4.00', 'V4.10', 'v6 R4'].map((fw) => identity(fw, 'CAM-100', fw));
    const advisories: MatchableAdvisory[] = [
      term({ kind: 'range', scheme: 'vendor', startIncluding: 'V4.00', endExcluding: 'V4.10' }),
      term({ kind: 'range', scheme: 'vendor', startExcluding: 'V4.00', endIncluding: 'V4.10' }),
      term({ kind: 'range', scheme: 'vendor', endIncluding: 'v6 R4' }),
      term({ kind: 'range', scheme: 'vendor', endExcluding: 'v6 R4' }),
    ];
    const { matches } = matchIdentities(advisories, ids);
    const byAdvisory = (index: number) =>
      matches.filter((m) => m.advisoryId === advisories[index]!.id).map((m) => m.identityKey);
    expect(byAdvisory(0)).toEqual(['V4.00']);
    expect(byAdvisory(1)).toEqual(['V4.10']);
    expect(byAdvisory(2)).toEqual(['V4.00', 'V4.10', 'v6 R4']);
    expect(byAdvisory(3)).toEqual(['V4.00', 'V4.10']);
  });

  it('matches vendor/product names through aliases with name confidence', () => {
    const hitachi = identity('h', 'HC-100', '2.0', { manufacturer: '株式会社日立製作所', cpes: [] });
    const rule: AffectedRule = {
      groups: [
        [
          {
            selector: { kind: 'name', vendor: 'Hitachi, Ltd.', product: 'ＨＣ－１００' },
            versions: below('2.1'),
            vulnerable: true,
          },
        ],
      ],
    };
    const { matches } = matchIdentities([{ id: 'csaf', rules: [rule] }], [hitachi, identity('o', 'HC-100', '2.0')]);
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ identityKey: 'h', reason: { confidence: 'name' } });
  });

  it('reports versions it cannot compare and never matches unparsed texts', () => {
    const ids = [identity('odd', 'CAM-100', 'latest'), identity('ok', 'CAM-100', '1.0')];
    const advisories: MatchableAdvisory[] = [
      {
        id: 'range',
        rules: [{ groups: [[cpeTerm('cpe:2.3:o:acme:cam-100_firmware:*:*:*:*:*:*:*:*', below('2.0'))]] }],
      },
      {
        id: 'text',
        rules: [
          {
            groups: [
              [cpeTerm('cpe:2.3:o:acme:cam-100_firmware:*:*:*:*:*:*:*:*', { kind: 'unparsed', text: '4K | 4.5.181' })],
            ],
          },
        ],
      },
    ];
    const { matches, unknowns } = matchIdentities(advisories, ids);
    expect(matches.map((m) => `${m.advisoryId}/${m.identityKey}`)).toEqual(['range/ok']);
    expect(unknowns).toMatchObject([{ advisoryId: 'range', identityKey: 'odd', version: 'latest' }]);
  });

  it('matches SBOM purls and CPE versions written in the advisory CPE', () => {
    const { identities } = buildIdentities(
      [{ deviceId: '1', manufacturer: 'Acme', model: 'GW-1', firmwareVersion: '3.0', cpes: [] }],
      [
        {
          manufacturer: 'acme',
          model: 'gw-1',
          deviceId: null,
          purls: ['pkg:deb/debian/openssl@1.1.1n-0+deb11u4'],
          cpes: ['cpe:2.3:a:openssl:openssl:1.1.1n:*:*:*:*:*:*:*'],
        },
      ],
    );
    const advisories: MatchableAdvisory[] = [
      {
        id: 'osv',
        rules: [
          {
            groups: [
              [
                {
                  selector: { kind: 'purl', purl: 'pkg:deb/debian/openssl' },
                  versions: { kind: 'range', scheme: 'deb', endExcluding: '1.1.1n-0+deb11u5' },
                  vulnerable: true,
                },
              ],
            ],
          },
        ],
      },
      { id: 'nvd-exact', rules: [{ groups: [[cpeTerm('cpe:2.3:a:openssl:openssl:1.1.1n:*:*:*:*:*:*:*')]] }] },
      { id: 'nvd-other', rules: [{ groups: [[cpeTerm('cpe:2.3:a:openssl:openssl:1.1.1o:*:*:*:*:*:*:*')]] }] },
    ];
    expect(matchIdentities(advisories, identities).matches.map((m) => m.advisoryId)).toEqual(['osv', 'nvd-exact']);
  });

  it('keeps NA ("-") apart from ANY ("*"): NA meets only NA, in the version and in any other attribute', () => {
    const withCpes = (key: string, cpes: string[]) => identity(key, 'CAM-100', '1.0', { cpes });
    const identities = [
      withCpes('na', ['cpe:2.3:h:acme:cam-100:-:*:*:*:*:*:*:*']),
      withCpes('any', ['cpe:2.3:h:acme:cam-100:*:*:*:*:*:*:*:*']),
      withCpes('versioned', ['cpe:2.3:h:acme:cam-100:2.0:*:*:*:*:*:*:*']),
      withCpes('update-na', ['cpe:2.3:h:acme:cam-100:*:-:*:*:*:*:*:*']),
      withCpes('update-sp1', ['cpe:2.3:h:acme:cam-100:*:sp1:*:*:*:*:*:*']),
    ];
    const keysFor = (cpe: string) =>
      matchIdentities([{ id: cpe, rules: [{ groups: [[cpeTerm(cpe)]] }] }], identities)
        .matches.map((m) => m.identityKey)
        .sort();
    expect(keysFor('cpe:2.3:h:acme:cam-100:-:*:*:*:*:*:*:*')).toEqual(['na']);
    expect(keysFor('cpe:2.3:h:acme:cam-100:*:*:*:*:*:*:*:*')).toEqual([
      'any',
      'na',
      'update-na',
      'update-sp1',
      'versioned',
    ]);
    expect(keysFor('cpe:2.3:h:acme:cam-100:2.0:*:*:*:*:*:*:*')).toEqual(['versioned']);
    expect(keysFor('cpe:2.3:h:acme:cam-100:*:-:*:*:*:*:*:*')).toEqual(['update-na']);
    expect(keysFor('cpe:2.3:h:acme:cam-100:*:sp1:*:*:*:*:*:*')).toEqual(['any', 'na', 'update-sp1', 'versioned']);
    expect(keysFor('cpe:2.3:-:acme:cam-100:*:*:*:*:*:*:*:*')).toEqual([]);
  });
});

describe('identities and CPE proposals', () => {
  it('groups devices with the same facts into one identity and a device SBOM over the model SBOM', () => {
    const device = (deviceId: string, firmwareVersion: string) => ({
      deviceId,
      manufacturer: 'Acme',
      model: 'GW-1',
      firmwareVersion,
      cpes: [],
    });
    const { identities, deviceKeys } = buildIdentities(
      [device('1', '1.0'), device('2', '1.0'), device('3', '1.1'), device('4', '1.0')],
      [
        { manufacturer: 'Acme', model: 'GW-1', deviceId: null, purls: ['pkg:npm/a@1.0.0'], cpes: [] },
        { manufacturer: 'Acme', model: 'GW-1', deviceId: '4', purls: ['pkg:npm/a@2.0.0'], cpes: [] },
      ],
    );
    expect(identities).toHaveLength(3);
    expect(deviceKeys.get('1')).toBe(deviceKeys.get('2'));
    expect(deviceKeys.get('1')).not.toBe(deviceKeys.get('3'));
    expect(identities.find((i) => i.key === deviceKeys.get('4'))!.purls).toEqual(['pkg:npm/a@2.0.0']);
  });

  it('proposes CPEs from advisories naming the vendor by an alias', () => {
    const advisories: MatchableAdvisory[] = [
      { id: 'a', rules: [andRule] },
      { id: 'b', rules: [{ groups: [[cpeTerm('cpe:2.3:o:acme:cam-100_firmware:*:*:*:*:*:*:*:*', below('2.0'))]] }] },
      { id: 'c', rules: [{ groups: [[cpeTerm('cpe:2.3:o:other:cam-100_firmware:*:*:*:*:*:*:*:*')]] }] },
    ];
    expect(proposeCpes({ manufacturer: 'ACME Inc.', model: 'CAM 100', firmwareVersion: '1.2' }, advisories)).toEqual([
      { cpe: 'cpe:2.3:o:acme:cam-100_firmware:1.2:*:*:*:*:*:*:*', advisories: 2 },
      { cpe: 'cpe:2.3:h:acme:cam-100:-:*:*:*:*:*:*:*', advisories: 1 },
    ]);
    const mitsubishi = [
      { id: 'm', rules: [{ groups: [[cpeTerm('cpe:2.3:h:mitsubishielectric:fx5u:-:*:*:*:*:*:*:*')]] }] },
    ];
    expect(proposeCpes({ manufacturer: '三菱電機', model: 'FX5U', firmwareVersion: '' }, mitsubishi)).toHaveLength(1);
  });
});
