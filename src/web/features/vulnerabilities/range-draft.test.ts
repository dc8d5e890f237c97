import { describe, expect, it } from 'vitest';
import { EMPTY_RANGE, formatVersions, versionsOf } from './range-draft';

describe('range draft', () => {
  it('needs a bound for a range and a version for an exact one', () => {
    expect(versionsOf(EMPTY_RANGE)).toEqual({ error: 'boundRequired' });
    expect(versionsOf({ ...EMPTY_RANGE, mode: 'exact', exact: ' ' })).toEqual({ error: 'exactRequired' });
  });

  it('builds bounds with the chosen inclusiveness', () => {
    expect(versionsOf({ ...EMPTY_RANGE, start: ' 4.5.181 ', end: '4.5.196', endInclusive: true })).toEqual({
      versions: { scheme: 'vendor', startIncluding: '4.5.181', endIncluding: '4.5.196' },
    });
    expect(versionsOf({ ...EMPTY_RANGE, scheme: 'semver', start: '1.0', startInclusive: false })).toEqual({
      versions: { scheme: 'semver', startExcluding: '1.0' },
    });
  });

  it('confirms every version or one version', () => {
    expect(versionsOf({ ...EMPTY_RANGE, mode: 'all' })).toEqual({ versions: { scheme: 'vendor' } });
    expect(versionsOf({ ...EMPTY_RANGE, mode: 'exact', exact: 'V4.00' })).toEqual({
      versions: { scheme: 'vendor', exact: 'V4.00' },
    });
  });

  it('formats versions the way the match reasons do', () => {
    expect(formatVersions({ startIncluding: '1.0', endExcluding: '1.3' })).toBe('>= 1.0, < 1.3');
    expect(formatVersions({ exact: 'R4' })).toBe('= R4');
    expect(formatVersions({})).toBe('*');
  });
});
