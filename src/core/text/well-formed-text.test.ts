import { describe, expect, it } from 'vitest';
import { findIllFormedText, isWellFormedText, toWellFormedDeep, toWellFormedText } from './well-formed-text';

describe('well-formed text', () => {
  it('tells lone surrogates from pairs', () => {
    expect(isWellFormedText('工場 😀')).toBe(true);
    expect(isWellFormedText('ev\ud800il')).toBe(false);
    expect(isWellFormedText('\udc00x')).toBe(false);
    expect(toWellFormedText('a\ud800b😀')).toBe('a\ufffdb😀');
  });

  it('locates ill-formed strings and keys, and repairs them deeply', () => {
    const value = { email: 'x\ud800@example.jp', list: ['ok', { ['k\udfff']: 1, note: '\ud83d' }], n: 3 };
    expect(findIllFormedText(value)).toEqual(['email', 'list/1/k\ufffd', 'list/1/note']);
    expect(findIllFormedText(toWellFormedDeep(value))).toEqual([]);
    expect(toWellFormedDeep(value)).toEqual({
      email: 'x\ufffd@example.jp',
      list: ['ok', { 'k\ufffd': 1, note: '\ufffd' }],
      n: 3,
    });
  });
});
