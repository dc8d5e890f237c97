import { describe, expect, it } from 'vitest';
import { PROBE_REASON_TEXTS } from '../../../core/probes/probe-reason';
import { probesEn } from '../../i18n/probes.en';
import { probesJa } from '../../i18n/probes.ja';

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

describe('probe reasons in the web dictionaries', () => {
  it('has every reason code of the engine in ja and en, with the same placeholders as the engine', () => {
    const codes = Object.keys(PROBE_REASON_TEXTS).sort();
    expect(Object.keys(probesJa.reasons).sort()).toEqual(codes);
    expect(Object.keys(probesEn.reasons).sort()).toEqual(codes);
    for (const [code, english] of Object.entries(PROBE_REASON_TEXTS)) {
      const wanted = placeholders(english);
      expect([code, placeholders(probesJa.reasons[code as keyof typeof probesJa.reasons])]).toEqual([code, wanted]);
      expect([code, placeholders(probesEn.reasons[code as keyof typeof probesEn.reasons])]).toEqual([code, wanted]);
    }
  });

  it('writes Japanese without stray spaces around placeholders', () => {
    for (const text of Object.values(probesJa.reasons)) expect(text).not.toMatch(/[^\x00-\x7f…] \{\{|\}\} [^\x00-\x7f…]/);
  });
});
