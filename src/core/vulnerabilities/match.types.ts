import type { AffectedRule, RuleTerm } from './advisory.types';

// What the matcher compares (issue 13). Devices are matched by identity, not one by one: a
// million devices share a few thousand (manufacturer, model, firmware, CPEs, SBOM) identities,
// so the matcher sees each identity once and the store expands identities to devices.

/** The facts about a device (or model) that advisories are matched against. */
export interface DeviceIdentity {
  /** Stable key of the identity within an organisation (see identityKey in match-identity.ts). */
  readonly key: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly firmwareVersion: string;
  /** CPE 2.3 names recorded for the device or its model. */
  readonly cpes: readonly string[];
  /** SBOM components: purl with version, e.g. pkg:deb/debian/openssl@1.1.1n-0+deb11u4. */
  readonly purls: readonly string[];
}

/** How sure a match is: a CPE or purl match is exact, a vendor/product name match is weaker. */
export type MatchConfidence = 'exact' | 'name';

/** Why an identity matched: the terms of one rule that held, one per group. */
export interface MatchReason {
  readonly ruleIndex: number;
  readonly terms: readonly RuleTerm[];
  readonly confidence: MatchConfidence;
}

/** One identity affected by one advisory. */
export interface IdentityMatch {
  readonly identityKey: string;
  readonly advisoryId: string;
  readonly reason: MatchReason;
}

/** The matcher's input for one advisory. */
export interface MatchableAdvisory {
  readonly id: string;
  readonly rules: readonly AffectedRule[];
}

/** VEX status vocabulary (CycloneDX / CSAF) used for triage. */
export const TRIAGE_STATUSES = ['in_triage', 'exploitable', 'not_affected', 'resolved', 'false_positive'] as const;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];

/** CycloneDX VEX justifications for `not_affected` (CSAF flags map onto them on export). */
export const NOT_AFFECTED_JUSTIFICATIONS = [
  'code_not_present',
  'code_not_reachable',
  'requires_configuration',
  'requires_dependency',
  'requires_environment',
  'protected_by_compiler',
  'protected_at_runtime',
  'protected_at_perimeter',
  'protected_by_mitigating_control',
] as const;
export type NotAffectedJustification = (typeof NOT_AFFECTED_JUSTIFICATIONS)[number];
