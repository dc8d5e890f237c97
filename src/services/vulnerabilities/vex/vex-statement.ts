import type { AdvisoryScore, AdvisorySource, SeverityLevel } from '../../../core/vulnerabilities/advisory.types';
import type { NotAffectedJustification, TriageStatus } from '../../../core/vulnerabilities/match.types';

/** The product a VEX statement is about: a model, or one device of the organisation. */
export type VexTarget =
  | { readonly kind: 'model'; readonly manufacturer: string; readonly model: string }
  | {
      readonly kind: 'device';
      readonly deviceId: string;
      readonly assetTag: string;
      readonly manufacturer: string;
      readonly model: string;
      readonly firmwareVersion: string;
    };

/** The advisory facts a VEX document names. */
export interface VexAdvisory {
  readonly source: AdvisorySource;
  readonly trackingId: string;
  readonly title: string;
  readonly cves: readonly string[];
  readonly severityLevel: SeverityLevel | null;
  readonly scores: readonly AdvisoryScore[];
  readonly references: readonly string[];
}

/** One triage record of the organisation, ready to be written in a VEX dialect. */
export interface VexStatement {
  readonly advisory: VexAdvisory;
  readonly target: VexTarget;
  readonly status: TriageStatus;
  readonly justification: NotAffectedJustification | null;
  readonly detail: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What a VEX document says about its author and when it was made. */
export interface VexDocumentInfo {
  readonly organisationId: string;
  readonly organisationName: string;
  /** Where the installation is reached: the CSAF publisher namespace. */
  readonly publisherUrl: string;
  readonly generatedAt: Date;
  readonly serial: string;
}

/** Stable reference of a target inside one document. */
export const targetRef = (target: VexTarget): string =>
  target.kind === 'device' ? `device:${target.deviceId}` : `model:${target.manufacturer}/${target.model}`;

/** Human name of a target. */
export function targetName(target: VexTarget): string {
  const product = `${target.manufacturer} ${target.model}`;
  if (target.kind === 'model') return product;
  const firmware = target.firmwareVersion ? `, firmware ${target.firmwareVersion}` : '';
  return `${product} (asset ${target.assetTag}${firmware})`;
}

/** The CVE ids of an advisory in the form CVE-YYYY-NNNN…, others dropped. */
export const validCves = (advisory: VexAdvisory): string[] =>
  [...new Set(advisory.cves.map((cve) => cve.trim().toUpperCase()))].filter((cve) => /^CVE-\d{4}-\d{4,}$/.test(cve));
