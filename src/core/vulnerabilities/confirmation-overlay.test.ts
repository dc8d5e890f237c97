import { describe, expect, it } from 'vitest';
import type { AffectedRule } from './advisory.types';
import { applyConfirmations, confirmationKey, unparsedTermsOf } from './confirmation-overlay';

const rules: AffectedRule[] = [
  {
    groups: [
      [
        {
          selector: { kind: 'name', vendor: 'Acme', product: 'Router X' },
          versions: { kind: 'unparsed', text: '<= nxg200v-p3-4-1' },
          vulnerable: true,
        },
        {
          selector: { kind: 'cpe', cpe: 'cpe:2.3:h:acme:cam-100:*:*:*:*:*:*:*:*' },
          versions: { kind: 'all' },
          vulnerable: true,
        },
      ],
    ],
  },
  {
    groups: [
      [
        {
          selector: { kind: 'purl', purl: 'pkg:npm/left-pad' },
          versions: { kind: 'unparsed', text: '4K | 4.5.181' },
          vulnerable: true,
        },
      ],
    ],
  },
];

describe('confirmation overlay', () => {
  it('lists every unparsed term with where it sits, its product and text', () => {
    expect(unparsedTermsOf({ rules })).toEqual([
      { path: '0.0.0', product: 'Acme Router X', text: '<= nxg200v-p3-4-1' },
      { path: '1.0.0', product: 'pkg:npm/left-pad', text: '4K | 4.5.181' },
    ]);
  });

  it('puts a confirmed range in place of its text and leaves rejected and undecided terms unparsed', () => {
    const range = { kind: 'range', scheme: 'vendor', endIncluding: 'nxg200v-p3-4-1' } as const;
    const decisions = new Map([
      [confirmationKey('Acme Router X', '<= nxg200v-p3-4-1'), { status: 'confirmed', versions: range } as const],
      [confirmationKey('pkg:npm/left-pad', '4K | 4.5.181'), { status: 'rejected' } as const],
    ]);
    const overlaid = applyConfirmations(rules, decisions);
    expect(overlaid[0]?.groups[0]?.[0]?.versions).toEqual(range);
    expect(overlaid[0]?.groups[0]?.[1]?.versions).toEqual({ kind: 'all' });
    expect(overlaid[1]?.groups[0]?.[0]?.versions).toEqual({ kind: 'unparsed', text: '4K | 4.5.181' });
    expect(rules[0]?.groups[0]?.[0]?.versions.kind).toBe('unparsed'); // the shared advisory is untouched
  });
});
