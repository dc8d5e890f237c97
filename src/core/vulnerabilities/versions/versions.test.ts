import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VersionConstraint, VersionScheme } from '../advisory.types';
import { guessScheme } from './guess-scheme';
import { inRange } from './in-range';
import { compareParsed, compareVersions, parseVersion, type ParsedVersion } from './parse-version';

/** Asserts that every listed version sorts strictly before the next one under `scheme`. */
function expectAscending(scheme: VersionScheme, versions: string[]) {
  for (let i = 0; i + 1 < versions.length; i += 1) {
    expect(compareVersions(versions[i]!, versions[i + 1]!, scheme), `${versions[i]} < ${versions[i + 1]}`).toBe(-1);
    expect(compareVersions(versions[i + 1]!, versions[i]!, scheme), `${versions[i + 1]} > ${versions[i]}`).toBe(1);
  }
}

describe('version comparators', () => {
  it('orders semantic versions with pre-releases and loose forms', () => {
    expectAscending('semver', ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2']);
    expectAscending('semver', ['1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', 'v1.2', '1.10.0', '10.0.0']);
    expect(compareVersions('1.2.3+build.5', '1.2.3', 'semver')).toBe(0);
    expect(parseVersion('1.2.x', 'semver')).toBeNull();
  });

  it('orders Debian versions with epochs, revisions and tildes', () => {
    expectAscending('deb', ['1.0~rc1', '1.0', '1.0-1', '1.0-1+deb11u1', '1.0a', '1.0.1', '1:0.9']);
    expectAscending('deb', ['1.1.1n-0+deb11u3', '1.1.1n-0+deb11u4', '1.1.1w-0+deb11u1', '3.0.11-1~deb12u2']);
    expect(compareVersions('1.01', '1.1', 'deb')).toBe(0);
    expect(parseVersion('abc', 'deb')).toBeNull();
  });

  it('orders RPM versions like rpmvercmp', () => {
    expectAscending('rpm', ['1.0~rc1', '1.0', '1.0^git1', '1.0.1', '1.0a'].slice(0, 4));
    expectAscending('rpm', ['2.4.6-97.el8', '2.4.6-98.el8', '2.4.37-1.el8', '1:1.0-1']);
    expect(compareVersions('1.0a', '1.0.1', 'rpm')).toBe(-1); // letters lose against a number
    expect(compareVersions('1_0', '1.0', 'rpm')).toBe(0);
  });

  it('orders generic dotted versions with letters', () => {
    expectAscending('generic', ['1.0rc1', '1.0', '1.0a', '1.0b', '1.0.1', '1.2', '1.10', '2']);
    expect(compareVersions('1.0', '1.0.0', 'generic')).toBe(0);
    expect(compareVersions('２．１', '2.1', 'generic')).toBe(0); // full-width digits
    for (const bad of ['', 'latest', '4K | 4.5.181', '<= 1.2', '*'])
      expect(parseVersion(bad, 'generic'), bad).toBeNull();
  });

  it('reads vendor forms: V4.00, R4, v6 R4, Ver.2.1, 00.07.03.4, build numbers', () => {
    expect(compareVersions('V4.00', '4', 'vendor')).toBe(0);
    expect(compareVersions('Ver.2.1', '2.1', 'vendor')).toBe(0);
    expect(compareVersions('バージョン 2.1', 'v2.1', 'vendor')).toBe(0);
    expectAscending('vendor', ['V3.10', 'V4.00', 'V4.01', 'V4.10']);
    expectAscending('vendor', ['R3', 'R4', 'R10']);
    expectAscending('vendor', ['v5 R9', 'v6', 'v6 R3', 'v6 R4', 'v7']);
    expectAscending('vendor', ['00.07.03.4', '00.07.03.10', '00.07.04', '01.00.00.1']);
    expectAscending('vendor', ['1.0.5', '1.0.5 build 1234', '1.0.5 build 1300', '1.0.6']);
  });

  it('keeps every scheme a total order (antisymmetric, transitive) on generated versions', () => {
    const part = fc.constantFrom('0', '1', '2', '10', '00', 'a', 'b', 'rc', 'beta', 'dev', 'r', 'build', '~', '^');
    const sep = fc.constantFrom('.', '-', '', ' ', '+', '~');
    const text = fc
      .array(fc.tuple(part, sep), { minLength: 1, maxLength: 6 })
      .map((pieces) => pieces.map(([p, s]) => p + s).join(''));
    for (const scheme of ['semver', 'deb', 'rpm', 'generic', 'vendor'] as const) {
      const version = fc
        .oneof(
          text,
          text.map((t) => `1.${t}`),
          fc.tuple(fc.nat(3), fc.nat(12), fc.nat(12)).map((n) => n.join('.')),
        )
        .map((t) => parseVersion(t, scheme))
        .filter((v): v is ParsedVersion => v !== null);
      fc.assert(
        fc.property(version, version, version, (a, b, c) => {
          expect(compareParsed(a, b)).toBe(-compareParsed(b, a) || 0);
          if (compareParsed(a, b) <= 0 && compareParsed(b, c) <= 0) expect(compareParsed(a, c)).toBeLessThanOrEqual(0);
          if (compareParsed(a, b) === 0) expect(compareParsed(a, c)).toBe(compareParsed(b, c));
        }),
        { numRuns: 2000 },
      );
    }
  });
});

describe('guessScheme', () => {
  it.each([
    ['1.2.3', 'semver'],
    ['v2.0.0-rc.1', 'semver'],
    ['1:2.30-1', 'deb'],
    ['1.1.1n-0+deb11u4', 'deb'],
    ['2.4.6-97.el8', 'rpm'],
    ['V4.00', 'vendor'],
    ['v6 R4', 'vendor'],
    ['R4', 'vendor'],
    ['Ver.2.1', 'vendor'],
    ['1.0.5 build 1234', 'vendor'],
    ['00.07.03.4', 'generic'],
    ['1.2', 'generic'],
    ['2.1a', 'generic'],
  ] as const)('%s → %s', (text, scheme) => {
    expect(guessScheme(text)).toBe(scheme);
  });
});

describe('inRange', () => {
  const range = (
    bounds: Omit<Extract<VersionConstraint, { kind: 'range' }>, 'kind' | 'scheme'>,
    scheme: VersionScheme = 'generic',
  ) => ({ kind: 'range', scheme, ...bounds }) as const;

  it('respects included and excluded bounds', () => {
    const below13 = range({ startIncluding: '1.0', endExcluding: '1.3' });
    expect(['0.9', '1.0', '1.2.9', '1.3', '1.3.1'].map((v) => inRange(v, below13))).toEqual([
      'no',
      'yes',
      'yes',
      'no',
      'no',
    ]);
    const upTo13 = range({ startExcluding: '1.0', endIncluding: '1.3' });
    expect(['1.0', '1.0.1', '1.3', '1.3.0', '1.3.1'].map((v) => inRange(v, upTo13))).toEqual([
      'no',
      'yes',
      'yes',
      'yes',
      'no',
    ]);
    expect(inRange('V4.00', range({ exact: '4.0' }, 'vendor'))).toBe('yes');
  });

  it('answers all and wildcards yes, unparsed no, unreadable versions unknown', () => {
    expect(inRange('anything', { kind: 'all' })).toBe('yes');
    expect(inRange('1.0', range({ exact: '*' }))).toBe('yes');
    expect(inRange('1.0', { kind: 'unparsed', text: '4K | 4.5.181' })).toBe('no');
    expect(inRange('latest', range({ endExcluding: '2.0' }))).toBe('unknown');
    expect(inRange('', range({ endExcluding: '2.0' }))).toBe('unknown');
    expect(inRange('1.0', range({ endExcluding: 'nxg200v <p3>' }))).toBe('unknown');
    // A readable bound that fails decides, whatever the other bound is.
    expect(inRange('3.0', range({ startIncluding: '??', endExcluding: '2.0' }))).toBe('no');
  });
});
