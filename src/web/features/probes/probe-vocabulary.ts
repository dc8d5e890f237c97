import type { ObservationResult, ProbeCheck } from '../../../core/probes/observation';

export type { ObservationResult, ProbeCheck };

/**
 * The checks a probe can run, in the engine's order. The web may import only types from core, so
 * the list is repeated here; the compiler refuses it when the engine gains or loses a check.
 */
export const PROBE_CHECKS = [
  'ports',
  'telnet',
  'ssh',
  'tls',
  'mqtt',
  'http',
  'default-credentials',
] as const satisfies readonly ProbeCheck[];
type MissingCheck = Exclude<ProbeCheck, (typeof PROBE_CHECKS)[number]>;
/** Fails to compile while a check of the engine is missing above. */
export const ALL_CHECKS_LISTED: [MissingCheck] extends [never] ? true : never = true;

/** The common IoT ports scanned when none are given: the engine's `DEFAULT_PORTS` (core/probes/plan.ts), shown as the placeholder. */
export const DEFAULT_PORTS: readonly number[] = [
  21, 22, 23, 80, 443, 502, 554, 1883, 2323, 7547, 8080, 8443, 8883, 47808,
];

/** The checksheet items a probe can prove or disprove, in the order the results show them. */
export const PROBE_ITEMS = [
  'jssec-v2:23',
  'jssec-v2:24',
  'jssec-v2:25',
  'jssec-v2:26',
  'jssec-v2:32',
  'jssec-v2:47',
] as const;
export type ProbeItem = (typeof PROBE_ITEMS)[number];

/** The checks asked for when a person does not choose: everything but the intrusive one. */
export const DEFAULT_CHECKS: readonly ProbeCheck[] = PROBE_CHECKS.filter((check) => check !== 'default-credentials');

/** "jssec-v2:23" → "23", for compact item labels. */
export function itemNumber(itemId: string): string {
  return itemId.slice(itemId.indexOf(':') + 1);
}
