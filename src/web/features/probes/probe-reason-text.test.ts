import { describe, expect, it } from 'vitest';
import { probesEn } from '../../i18n/probes.en';
import { probesJa } from '../../i18n/probes.ja';

// probes.ja.ts `satisfies Record<ProbeReasonCode, string>`: the compiler holds the codes in step with the engine.
const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

describe('probe reasons in the web dictionaries', () => {
  it('says every reason in ja and en with the same placeholders', () => {
    expect(Object.keys(probesEn.reasons).sort()).toEqual(Object.keys(probesJa.reasons).sort());
    for (const [code, japanese] of Object.entries(probesJa.reasons)) {
      const english = probesEn.reasons[code as keyof typeof probesEn.reasons];
      expect([code, placeholders(japanese)]).toEqual([code, placeholders(english)]);
    }
  });

  it('writes Japanese without stray spaces between Japanese text and a placeholder', () => {
    for (const text of Object.values(probesJa.reasons))
      expect(text).not.toMatch(/[ぁ-んァ-ン一-龥] \{\{|\}\} [ぁ-んァ-ン一-龥]/u);
  });
});
