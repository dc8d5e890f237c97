import { describe, expect, it } from 'vitest';
import { EMPTY_RANGE, constraintOf, formatConstraint } from './range-draft';

describe('range draft', () => {
  it('needs a bound for a range and a version for an exact one', () => {
    expect(constraintOf(EMPTY_RANGE)).toEqual({ error: 'boundRequired' });
    expect(constraintOf({ ...EMPTY_RANGE, mode: 'exact', exact: ' ' })).toEqual({ error: 'exactRequired' });
  });

  it('builds bounds with the chosen inclusiveness', () => {
    expect(constraintOf({ ...EMPTY_RANGE, start: ' 4.5.181 ', end: '4.5.196', endInclusive: true })).toEqual({
      constraint: { kind: 'range', scheme: 'vendor', startIncluding: '4.5.181', endIncluding: '4.5.196' },
    });
    expect(constraintOf({ ...EMPTY_RANGE, scheme: 'semver', start: '1.0', startInclusive: false })).toEqual({
      constraint: { kind: 'range', scheme: 'semver', startExcluding: '1.0' },
    });
  });

  it('confirms every version or one version', () => {
    expect(constraintOf({ ...EMPTY_RANGE, mode: 'all' })).toEqual({ constraint: { kind: 'all' } });
    expect(constraintOf({ ...EMPTY_RANGE, mode: 'exact', exact: 'V4.00' })).toEqual({
      constraint: { kind: 'range', scheme: 'vendor', exact: 'V4.00' },
    });
  });

  it('formats constraints the way the match reasons do', () => {
    expect(formatConstraint({ kind: 'range', scheme: 'generic', startIncluding: '1.0', endExcluding: '1.3' })).toBe(
      '>= 1.0, < 1.3',
    );
    expect(formatConstraint({ kind: 'range', scheme: 'vendor', exact: 'R4' })).toBe('= R4');
    expect(formatConstraint({ kind: 'all' })).toBe('*');
    expect(formatConstraint({ kind: 'unparsed', text: '4K | 4.5.181' })).toBe('4K | 4.5.181');
  });
});
