// CVSS 3.0/3.1 base score from a vector string (issue 13). OSV records carry only the vector;
// the score is computed with the formulas of the CVSS v3.1 specification (section 7.1), its
// Roundup included. Other versions are not computed here (v2 and v4 vectors stay unscored).
import { ownValue } from '../own-value';

const WEIGHTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  C: { H: 0.56, L: 0.22, N: 0 },
  I: { H: 0.56, L: 0.22, N: 0 },
  A: { H: 0.56, L: 0.22, N: 0 },
};

/** The base score of a `CVSS:3.x/AV:…` vector, or undefined when the vector is incomplete or not v3. */
export function cvss3BaseScore(vector: string): { version: '3.0' | '3.1'; score: number } | undefined {
  const match = /^CVSS:(3\.[01])\/(.+)$/.exec(vector.trim());
  if (!match) return undefined;
  const metrics = new Map<string, string>();
  for (const part of match[2]!.split('/')) {
    const [key, value] = part.split(':');
    if (key && value) metrics.set(key, value);
  }
  const scope = metrics.get('S');
  const privileges = metrics.get('PR');
  if ((scope !== 'U' && scope !== 'C') || privileges === undefined) return undefined;
  // Metric values come from the feed: only the tables' own entries count (`AV:constructor` is none).
  const weight = (key: string): number | undefined => ownValue(WEIGHTS[key]!, metrics.get(key) ?? '');
  const changed = scope === 'C';
  const pr = ownValue({ N: 0.85, L: changed ? 0.68 : 0.62, H: changed ? 0.5 : 0.27 }, privileges);
  const [av, ac, ui, c, i, a] = ['AV', 'AC', 'UI', 'C', 'I', 'A'].map(weight);
  if (
    pr === undefined ||
    av === undefined ||
    ac === undefined ||
    ui === undefined ||
    c === undefined ||
    i === undefined ||
    a === undefined
  )
    return undefined;
  const iss = 1 - (1 - c) * (1 - i) * (1 - a);
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
  const exploitability = 8.22 * av * ac * pr * ui;
  const version = match[1] === '3.0' ? '3.0' : '3.1';
  if (impact <= 0) return { version, score: 0 };
  const raw = changed ? Math.min(1.08 * (impact + exploitability), 10) : Math.min(impact + exploitability, 10);
  return { version, score: roundUp(raw) };
}

/** CVSS v3.1 Roundup: the smallest one-decimal number ≥ the input, immune to floating-point noise. */
function roundUp(value: number): number {
  const integer = Math.round(value * 100000);
  return integer % 10000 === 0 ? integer / 100000 : (Math.floor(integer / 10000) + 1) / 10;
}
