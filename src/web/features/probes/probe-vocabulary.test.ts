import { describe, expect, it } from 'vitest';
import { FINDING_ITEMS, PROBE_CHECKS as ENGINE_CHECKS, type FindingCode } from '../../../core/probes/observation';
import { DEFAULT_PORTS as ENGINE_PORTS } from '../../../core/probes/plan';
import { en } from '../../i18n/en';
import { ja } from '../../i18n/ja';
import { DEFAULT_CHECKS, DEFAULT_PORTS, itemNumber, PROBE_CHECKS, PROBE_ITEMS } from './probe-vocabulary';

describe('probe vocabulary of the web', () => {
  it('lists the same checks and default ports as the engine', () => {
    expect(PROBE_CHECKS).toEqual(ENGINE_CHECKS);
    expect(DEFAULT_PORTS).toEqual(ENGINE_PORTS);
  });

  it('never asks for the intrusive check by default', () => {
    expect(DEFAULT_CHECKS).not.toContain('default-credentials');
    expect(DEFAULT_CHECKS).toContain('ports');
  });

  it('shows every item a finding can prove, and names each in both languages', () => {
    const proven = new Set(Object.values(FINDING_ITEMS).flat());
    expect([...proven].sort()).toEqual([...PROBE_ITEMS].sort());
    for (const item of PROBE_ITEMS) {
      expect(ja.probes.items.titles[item]).toBeTruthy();
      expect(en.probes.items.titles[item]).toBeTruthy();
    }
    expect(itemNumber('jssec-v2:32')).toBe('32');
  });

  it('translates every finding code and every check in Japanese and English', () => {
    for (const code of Object.keys(FINDING_ITEMS) as FindingCode[]) {
      expect(ja.probes.findings[code], code).toBeTruthy();
      expect(en.probes.findings[code], code).toBeTruthy();
    }
    expect(Object.keys(ja.probes.findings).sort()).toEqual(Object.keys(FINDING_ITEMS).sort());
    for (const check of PROBE_CHECKS) {
      expect(ja.probes.checks[check]).toBeTruthy();
      expect(en.probes.checks[check]).toBeTruthy();
    }
  });
});
