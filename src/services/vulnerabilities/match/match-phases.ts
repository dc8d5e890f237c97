import { performance } from 'node:perf_hooks';

/** The phases a match run reports its time in (a bench prints them; nothing else depends on them). */
export const MATCH_PHASES = [
  'read devices',
  'group identities',
  'load advisories',
  'match',
  'write matches',
  'bookkeeping',
] as const;
export type MatchPhase = (typeof MATCH_PHASES)[number];

/** Milliseconds spent per phase. */
export type MatchPhaseTimes = Record<MatchPhase, number>;

/**
 * A stopwatch that charges the time since the previous lap to the named phase. Loading and
 * matching alternate page by page, so phases accumulate rather than run once each.
 */
export function createPhaseClock(): { lap(phase: MatchPhase): void; times(): MatchPhaseTimes } {
  const times = Object.fromEntries(MATCH_PHASES.map((phase) => [phase, 0])) as MatchPhaseTimes;
  let last = performance.now();
  return {
    lap(phase) {
      const now = performance.now();
      times[phase] += now - last;
      last = now;
    },
    times: () => ({ ...times }),
  };
}
