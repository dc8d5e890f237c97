import type { AffectedRule, RuleTerm, VersionConstraint } from '../../src/core/vulnerabilities/advisory.types';
import { guessScheme } from '../../src/core/vulnerabilities/versions/guess-scheme';

// Synthetic, reproducible data for the match bench: devices spread over a fixed number of
// model/firmware pairs (what a large estate looks like: a million devices, a few thousand
// identities) and NVD-scale advisories — most about products the estate does not have, some
// about its models, a share written as AND configurations (firmware range on a hardware
// platform), a few in the KEV catalogue.

const VENDORS = [
  ['日立', 'hitachi'],
  ['Panasonic', 'panasonic'],
  ['Axis', 'axis'],
  ['Siemens', 'siemens'],
  ['オムロン', 'omron'],
  ['三菱電機', 'mitsubishielectric'],
  ['Cisco', 'cisco'],
  ['Hikvision', 'hikvision'],
] as const;
const MODELS_PER_VENDOR = 50;

/** The facts of one model/firmware pair. */
export interface BenchPair {
  readonly manufacturer: string;
  readonly vendor: string;
  readonly model: string;
  readonly firmware: string;
}

/** Model/firmware pair `index` of `pairs`: models round-robin, firmware numbered per model. */
export function benchPair(index: number, pairs: number): BenchPair {
  const models = Math.min(pairs, VENDORS.length * MODELS_PER_VENDOR);
  const modelIndex = index % models;
  const [manufacturer, vendor] = VENDORS[modelIndex % VENDORS.length]!;
  const model = `${vendor.slice(0, 2)}-${100 + Math.floor(modelIndex / VENDORS.length)}`;
  const release = Math.floor(index / models);
  return {
    manufacturer,
    vendor,
    model,
    firmware: `${1 + Math.floor(release / 5)}.${release % 5}.${(release * 7) % 10}`,
  };
}

/** The pair device `i` has (a fixed scatter, so neighbouring devices differ). */
export const pairOfDevice = (i: number, pairs: number) => Number((BigInt(i) * 2654435761n) % BigInt(pairs));

/** The CPEs recorded for a device of `pair`: its hardware and its firmware. */
export const pairCpes = (pair: BenchPair) => [
  `cpe:2.3:h:${pair.vendor}:${pair.model}:-:*:*:*:*:*:*:*`,
  `cpe:2.3:o:${pair.vendor}:${pair.model}_firmware:*:*:*:*:*:*:*:*`,
];

/** A small deterministic generator (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One generated advisory. */
export interface BenchAdvisory {
  readonly id: string;
  readonly trackingId: string;
  readonly kev: boolean;
  readonly rules: AffectedRule[];
  readonly ranges: number;
}

const version = (next: () => number) =>
  `${1 + Math.floor(next() * 4)}.${Math.floor(next() * 5)}.${Math.floor(next() * 10)}`;

function range(next: () => number): VersionConstraint {
  const end = version(next);
  const scheme = guessScheme(end);
  if (next() < 0.3) return { kind: 'range', scheme, startIncluding: '1.0.0', endExcluding: end };
  return next() < 0.5 ? { kind: 'range', scheme, endExcluding: end } : { kind: 'range', scheme, endIncluding: end };
}

/**
 * Advisories numbered from `first` until they hold `ranges` cpeMatch ranges: 20 % about the
 * estate's models (30 % of those as AND configurations), the rest about other products; 2 % KEV.
 */
export function* generateAdvisories(first: number, ranges: number, pairs: number, seed = 13): Generator<BenchAdvisory> {
  const next = random(seed + first);
  let written = 0;
  for (let j = first; written < ranges; j += 1) {
    const count = 1 + Math.floor(next() * 5);
    const estate = next() < 0.2;
    const pair = benchPair(Math.floor(next() * pairs), pairs);
    const [vendor, product] = estate ? [pair.vendor, pair.model] : [`vendor${j % 20_000}`, `product${j % 50_000}`];
    const firmwareTerm = (): RuleTerm => ({
      selector: { kind: 'cpe', cpe: `cpe:2.3:o:${vendor}:${product}_firmware:*:*:*:*:*:*:*:*` },
      versions: range(next),
      vulnerable: true,
    });
    const terms = Array.from({ length: count }, firmwareTerm);
    const rules: AffectedRule[] =
      estate && next() < 0.3
        ? [
            {
              groups: [
                terms,
                [
                  {
                    selector: { kind: 'cpe', cpe: `cpe:2.3:h:${vendor}:${product}:-:*:*:*:*:*:*:*` },
                    versions: { kind: 'all' },
                    vulnerable: false,
                  },
                ],
              ],
            },
          ]
        : [{ groups: [terms] }];
    written += count;
    yield {
      id: `adv-${j}`,
      trackingId: `CVE-2026-${String(j).padStart(7, '0')}`,
      kev: next() < 0.02,
      rules,
      ranges: count,
    };
  }
}
