import type { VersionConstraint } from '../advisory.types';
import { compareParsed, parseVersion, type ParsedVersion } from './parse-version';

/** Whether a version lies in a constraint; 'unknown' when either side cannot be read. */
export type RangeAnswer = 'yes' | 'no' | 'unknown';

/** A version part of a CPE that stands for "any" or "not applicable" rather than a version. */
export function isWildcardVersion(text: string): boolean {
  return text === '*' || text === '-' || text === '';
}

/**
 * Decides whether `version` satisfies `constraint`. `all` holds for any version (even an empty
 * one); an `unparsed` constraint never holds ('no': it waits in the confirmation queue); a range
 * whose bounds or whose tested version its scheme cannot read is 'unknown' — reported by the
 * caller, never counted as a match. `parse` lets a caller cache parsed versions.
 */
export function inRange(
  version: string,
  constraint: VersionConstraint,
  parse: typeof parseVersion = parseVersion,
): RangeAnswer {
  if (constraint.kind === 'all') return 'yes';
  if (constraint.kind === 'unparsed') return 'no';
  const { scheme } = constraint;
  if (constraint.exact !== undefined && isWildcardVersion(constraint.exact)) return 'yes';
  const tested = isWildcardVersion(version) ? null : parse(version, scheme);
  if (!tested) return 'unknown';
  const checks: Array<[string | undefined, (order: number) => boolean]> = [
    [constraint.exact, (order) => order === 0],
    [constraint.startIncluding, (order) => order >= 0],
    [constraint.startExcluding, (order) => order > 0],
    [constraint.endIncluding, (order) => order <= 0],
    [constraint.endExcluding, (order) => order < 0],
  ];
  // A bound that is readable and fails settles it; an unreadable bound leaves it unknown.
  let unreadable = false;
  for (const [bound, holds] of checks) {
    if (bound === undefined) continue;
    const parsed: ParsedVersion | null = parse(bound, scheme);
    if (!parsed) unreadable = true;
    else if (!holds(compareParsed(tested, parsed))) return 'no';
  }
  return unreadable ? 'unknown' : 'yes';
}
