import type { VersionConstraint, VersionScheme } from '../../../core/vulnerabilities/advisory.types';
import { SCHEME_LIST } from './vulnerability-vocabulary';

/** The confirmation form: a scheme and up to two bounds, or one exact version, as typed. */
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
 * The constraint a person confirms for an unparsed text, or the reason it is not one yet. A range
 * needs at least one bound; `all` says every version of the product is affected.
 */
export function constraintOf(draft: RangeDraft): { constraint: VersionConstraint } | { error: RangeError } {
  if (!SCHEME_LIST.includes(draft.scheme)) return { error: 'schemeUnknown' };
  if (draft.mode === 'all') return { constraint: { kind: 'all' } };
  if (draft.mode === 'exact') {
    const exact = draft.exact.trim();
    return exact ? { constraint: { kind: 'range', scheme: draft.scheme, exact } } : { error: 'exactRequired' };
  }
  const start = draft.start.trim();
  const end = draft.end.trim();
  if (!start && !end) return { error: 'boundRequired' };
  return {
    constraint: {
      kind: 'range',
      scheme: draft.scheme,
      ...(start ? (draft.startInclusive ? { startIncluding: start } : { startExcluding: start }) : {}),
      ...(end ? (draft.endInclusive ? { endIncluding: end } : { endExcluding: end }) : {}),
    },
  };
}

/** A constraint as people read it: `>= 1.0, < 1.3`, `= 2.0.1`, `*` (every version), or the text. */
export function formatConstraint(constraint: VersionConstraint): string {
  if (constraint.kind === 'all') return '*';
  if (constraint.kind === 'unparsed') return constraint.text;
  if (constraint.exact !== undefined) return `= ${constraint.exact}`;
  const parts = [
    constraint.startIncluding !== undefined ? `>= ${constraint.startIncluding}` : null,
    constraint.startExcluding !== undefined ? `> ${constraint.startExcluding}` : null,
    constraint.endIncluding !== undefined ? `<= ${constraint.endIncluding}` : null,
    constraint.endExcluding !== undefined ? `< ${constraint.endExcluding}` : null,
  ].filter((part) => part !== null);
  return parts.length > 0 ? parts.join(', ') : '*';
}
