import type { VersionConstraint } from './advisory.types';
import { selectorText } from './confirmation-overlay';
import type { MatchReason, TriageStatus } from './match.types';

/** Why an identity matched, short enough for a table cell: selector, versions, platform. */
export interface MatchWhy {
  readonly kind: 'cpe' | 'purl' | 'name';
  readonly selector: string;
  readonly range: string;
  readonly platform?: string;
}

/** A version constraint as people write it: "*", "= 1.2", ">= 1.0, < 1.3", or the unparsed text. */
export function rangeText(versions: VersionConstraint): string {
  if (versions.kind === 'all') return '*';
  if (versions.kind === 'unparsed') return versions.text;
  if (versions.exact !== undefined) return `= ${versions.exact}`;
  const parts = [
    versions.startIncluding !== undefined ? `>= ${versions.startIncluding}` : null,
    versions.startExcluding !== undefined ? `> ${versions.startExcluding}` : null,
    versions.endIncluding !== undefined ? `<= ${versions.endIncluding}` : null,
    versions.endExcluding !== undefined ? `< ${versions.endExcluding}` : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(', ') : '*';
}

/**
 * The "why" of a match from its reason: the first vulnerable term that held is the affected
 * product; a non-vulnerable term (an NVD platform condition) is named as the platform.
 */
export function matchWhy(reason: MatchReason): MatchWhy {
  const affected = reason.terms.find((term) => term.vulnerable) ?? reason.terms[0];
  const platform = reason.terms.find((term) => !term.vulnerable && term !== affected);
  if (!affected) return { kind: 'cpe', selector: '', range: '*' };
  return {
    kind: affected.selector.kind,
    selector: selectorText(affected.selector),
    range: rangeText(affected.versions),
    ...(platform ? { platform: selectorText(platform.selector) } : {}),
  };
}

/** Statuses that still need action: the match counts as open. */
export function isOpenStatus(status: TriageStatus): boolean {
  return status === 'in_triage' || status === 'exploitable';
}
