import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { ja } from '../../i18n/ja';
import { ALL_CHECKS_LISTED, DEFAULT_CHECKS, itemNumber, PROBE_CHECKS, PROBE_ITEMS } from './probe-vocabulary';

describe('probe vocabulary of the web', () => {
  it('lists every check of the engine (the compiler checks the list) and never asks for the intrusive one by default', () => {
    expect(ALL_CHECKS_LISTED).toBe(true);
    expect(DEFAULT_CHECKS).not.toContain('default-credentials');
    expect(DEFAULT_CHECKS).toContain('ports');
    expect(PROBE_CHECKS).toContain('default-credentials');
  });

  it('names every item and check in Japanese and English, with different words', () => {
    for (const item of PROBE_ITEMS) {
      // Keyed by number: i18next reads "jssec-v2:23" as a namespace and a key.
      const key = itemNumber(item) as keyof typeof ja.probes.items.titles;
      expect(ja.probes.items.titles[key]).toBeTruthy();
      expect(en.probes.items.titles[key]).toBeTruthy();
    }
    for (const check of PROBE_CHECKS) {
      expect(ja.probes.checks[check]).toBeTruthy();
      expect(en.probes.checks[check]).toBeTruthy();
      expect(ja.probes.checkHelp[check]).not.toBe(en.probes.checkHelp[check]);
    }
    expect(itemNumber('jssec-v2:32')).toBe('32');
  });

  it('translates the finding codes in both languages, the same codes, none left in English in Japanese', () => {
    expect(Object.keys(en.probes.findings).sort()).toEqual(Object.keys(ja.probes.findings).sort());
    for (const [code, text] of Object.entries(ja.probes.findings)) {
      expect(text, code).not.toBe(en.probes.findings[code as keyof typeof en.probes.findings]);
      expect(text, code).not.toMatch(/^\s|\s$/);
    }
  });
});
