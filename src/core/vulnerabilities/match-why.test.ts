import { describe, expect, it } from 'vitest';
import { isOpenStatus, matchWhy, rangeText } from './match-why';

describe('why a match holds', () => {
  it('renders ranges with their bounds, exact versions, every version and unparsed texts', () => {
    expect(rangeText({ kind: 'range', scheme: 'semver', startIncluding: '1.0', endExcluding: '1.3' })).toBe(
      '>= 1.0, < 1.3',
    );
    expect(rangeText({ kind: 'range', scheme: 'generic', startExcluding: '2', endIncluding: '3' })).toBe('> 2, <= 3');
    expect(rangeText({ kind: 'range', scheme: 'vendor', exact: 'V4.00' })).toBe('= V4.00');
    expect(rangeText({ kind: 'all' })).toBe('*');
    expect(rangeText({ kind: 'unparsed', text: '4K | 4.5.181' })).toBe('4K | 4.5.181');
  });

  it('names the affected product and the platform of an AND configuration', () => {
    const why = matchWhy({
      ruleIndex: 0,
      confidence: 'exact',
      terms: [
        {
          selector: { kind: 'cpe', cpe: 'cpe:2.3:o:acme:cam_firmware:*:*:*:*:*:*:*:*' },
          versions: { kind: 'range', scheme: 'generic', endExcluding: '1.3' },
          vulnerable: true,
        },
        {
          selector: { kind: 'cpe', cpe: 'cpe:2.3:h:acme:cam-100:-:*:*:*:*:*:*:*' },
          versions: { kind: 'all' },
          vulnerable: false,
        },
      ],
    });
    expect(why).toEqual({
      kind: 'cpe',
      selector: 'cpe:2.3:o:acme:cam_firmware:*:*:*:*:*:*:*:*',
      range: '< 1.3',
      platform: 'cpe:2.3:h:acme:cam-100:-:*:*:*:*:*:*:*',
    });
  });

  it('counts in_triage and exploitable as open, the rest as closed', () => {
    expect(
      ['in_triage', 'exploitable', 'not_affected', 'resolved', 'false_positive'].map((s) => isOpenStatus(s as never)),
    ).toEqual([true, true, false, false, false]);
  });
});
