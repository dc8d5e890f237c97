import type { ConfirmationView } from '../../../contracts/vulnerabilities/confirmation.schema';
import type { VersionScheme } from '../../../core/vulnerabilities/advisory.types';
import { SCHEME_LIST } from './vulnerability-vocabulary';

/** A confirmed range as the API takes it (scheme + optional bounds). */
export type ConfirmedVersions = NonNullable<ConfirmationView['versions']>;

/** The confirmation form: a scheme and up to two bounds, one exact version, or every version. */
export interface RangeDraft {
  readonly scheme: VersionScheme;
  readonly mode: 'range' | 'exact' | 'all';
  readonly exact: string;
  readonly start: string;
  readonly startInclusive: boolean;
  readonly end: string;
  readonly endInclusive: boolean;
}

/** An empty draft: a range on the vendor scheme, lower bound included, upper bound excluded. */
export const EMPTY_RANGE: RangeDraft = {
  scheme: 'vendor',
  mode: 'range',
  exact: '',
  start: '',
  startInclusive: true,
  end: '',
  endInclusive: false,
};

/** Why a draft cannot be confirmed, as an i18n key under `vulnerabilities.confirmations.errors`. */
export type RangeError = 'boundRequired' | 'exactRequired' | 'schemeUnknown';

/**
 * The versions a person confirms for an unparsed text, or the reason they are not ready. A range
 * needs at least one bound; `all` (a scheme and no bound) says every version is affected.
 */
export function versionsOf(draft: RangeDraft): { versions: ConfirmedVersions } | { error: RangeError } {
  if (!SCHEME_LIST.includes(draft.scheme)) return { error: 'schemeUnknown' };
  if (draft.mode === 'all') return { versions: { scheme: draft.scheme } };
  if (draft.mode === 'exact') {
    const exact = draft.exact.trim();
    return exact ? { versions: { scheme: draft.scheme, exact } } : { error: 'exactRequired' };
  }
  const start = draft.start.trim();
  const end = draft.end.trim();
  if (!start && !end) return { error: 'boundRequired' };
  return {
    versions: {
      scheme: draft.scheme,
      ...(start ? (draft.startInclusive ? { startIncluding: start } : { startExcluding: start }) : {}),
      ...(end ? (draft.endInclusive ? { endIncluding: end } : { endExcluding: end }) : {}),
    },
  };
}

/** Confirmed versions as people read them: `>= 1.0, < 1.3`, `= 2.0.1`, or `*` for every version. */
export function formatVersions(versions: Omit<ConfirmedVersions, 'scheme'>): string {
  if (versions.exact !== undefined) return `= ${versions.exact}`;
  const parts = [
    versions.startIncluding !== undefined ? `>= ${versions.startIncluding}` : null,
    versions.startExcluding !== undefined ? `> ${versions.startExcluding}` : null,
    versions.endIncluding !== undefined ? `<= ${versions.endIncluding}` : null,
    versions.endExcluding !== undefined ? `< ${versions.endExcluding}` : null,
  ].filter((part) => part !== null);
  return parts.length > 0 ? parts.join(', ') : '*';
}
