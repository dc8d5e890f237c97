import { describe, expect, it } from 'vitest';
import { cvss3BaseScore } from './feed-cvss3';
import { severityOfScore } from './feed-severity';
import { parseVers } from './feed-vers';
import { guessFeedScheme, guessRangeScheme } from './feed-version-scheme';

describe('parseVers', () => {
  it('reads intervals, exact versions and the scheme', () => {
    expect(parseVers('vers:deb/>=1.0|<1.3')).toEqual([
      { kind: 'range', scheme: 'deb', startIncluding: '1.0', endExcluding: '1.3' },
    ]);
    expect(parseVers('vers:npm/1.2.3|>2.0.0|<=2.4.0|>=3.0.0')).toEqual([
      { kind: 'range', scheme: 'semver', exact: '1.2.3' },
      { kind: 'range', scheme: 'semver', startExcluding: '2.0.0', endIncluding: '2.4.0' },
      { kind: 'range', scheme: 'semver', startIncluding: '3.0.0' },
    ]);
    expect(parseVers('vers:generic/*')).toEqual([{ kind: 'all' }]);
    expect(parseVers('vers:acme/<2.0')).toEqual([{ kind: 'range', scheme: 'generic', endExcluding: '2.0' }]);
  });

  it('does not read what it cannot read with certainty', () => {
    expect(parseVers('vers:deb/!=1.0')).toBeUndefined();
    expect(parseVers('vers:deb/>=1.0|>=2.0')).toBeUndefined();
    expect(parseVers('<= nxg200v-p3-4-1')).toBeUndefined();
    expect(parseVers('vers:deb/')).toBeUndefined();
  });

  it('compares a scheme named like an Object.prototype member as generic', () => {
    for (const scheme of ['constructor', 'Constructor'])
      expect(parseVers(`vers:${scheme}/<2.0`), scheme).toEqual([
        { kind: 'range', scheme: 'generic', endExcluding: '2.0' },
      ]);
  });
});

describe('scores and schemes', () => {
  it('computes CVSS 3.x base scores from vectors', () => {
    expect(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H')).toEqual({ version: '3.1', score: 7.5 });
    expect(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toEqual({ version: '3.1', score: 9.8 });
    expect(cvss3BaseScore('CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N')).toEqual({ version: '3.0', score: 6.1 });
    expect(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N')).toEqual({ version: '3.1', score: 0 });
    expect(cvss3BaseScore('AV:N/AC:L/Au:N/C:C/I:C/A:C')).toBeUndefined();
  });

  it('leaves a vector unscored when a metric value is named like an Object.prototype member', () => {
    expect(cvss3BaseScore('CVSS:3.1/AV:valueOf/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBeUndefined();
    expect(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:constructor/UI:N/S:U/C:H/I:H/A:H')).toBeUndefined();
    expect(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:__proto__/A:H')).toBeUndefined();
  });

  it('bands scores', () => {
    expect([0, 0.1, 3.9, 4, 6.9, 7, 8.9, 9, 10].map(severityOfScore)).toEqual([
      'none',
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
      'critical',
    ]);
  });

  it('guesses a scheme per value', () => {
    expect(
      ['1.2.3', '2.5', 'v6 R4', 'V4.00', '1.0.5 build 1234', '2.13.3-3.el8', '1:1.1.1n-0+deb11u4'].map(guessFeedScheme),
    ).toEqual(['semver', 'generic', 'vendor', 'vendor', 'vendor', 'rpm', 'deb']);
    expect(guessRangeScheme(['1.0.0', '1.3.0'])).toBe('semver');
    expect(guessRangeScheme(['2.5', '2.5.1'])).toBe('generic');
    expect(guessRangeScheme(['V4.00', '5.0'])).toBe('vendor');
  });
});
