import { performance } from 'node:perf_hooks';
import type { RuleTerm } from '../../src/core/vulnerabilities/advisory.types';
import { cpeProductKey, parseCpeName } from '../../src/core/vulnerabilities/names/cpe-name';
import { inRange } from '../../src/core/vulnerabilities/versions/in-range';
import { benchPair, pairCpes, pairOfDevice, type BenchAdvisory } from './generate-match-data';

/**
 * The baseline: every sampled device against every range, one by one — no identities, no index
 * (CPE names split once up front, so the loop is string compares plus a version check where the
 * product is the device's). Runs `sample` devices or until `budgetMs`, and scales to `devices`.
 */
export function naiveNestedLoop(
  advisories: readonly BenchAdvisory[],
  devices: number,
  pairs: number,
  sample: number,
  budgetMs: number,
): { ms: number; devicesDone: number; scaledMs: number; hits: number } {
  const terms: Array<{ key: string; term: RuleTerm }> = [];
  for (const advisory of advisories) {
    for (const rule of advisory.rules) {
      for (const group of rule.groups) {
        for (const term of group) {
          if (term.selector.kind !== 'cpe') continue;
          terms.push({ key: cpeProductKey(parseCpeName(term.selector.cpe)!), term });
        }
      }
    }
  }
  const step = Math.max(1, Math.floor(devices / sample));
  let hits = 0;
  let devicesDone = 0;
  const started = performance.now();
  for (let i = 0; i < devices && devicesDone < sample; i += step) {
    const pair = benchPair(pairOfDevice(i, pairs), pairs);
    const keys = pairCpes(pair).map((cpe) => cpeProductKey(parseCpeName(cpe)!));
    for (const { key, term } of terms) {
      if ((key === keys[0] || key === keys[1]) && inRange(pair.firmware, term.versions) === 'yes') hits += 1;
    }
    devicesDone += 1;
    if (performance.now() - started > budgetMs) break;
  }
  const ms = performance.now() - started;
  return { ms, devicesDone, scaledMs: (ms / devicesDone) * devices, hits };
}
