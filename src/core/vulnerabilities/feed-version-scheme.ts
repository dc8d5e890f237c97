import type { VersionScheme } from './advisory.types';
import { guessScheme } from './versions/guess-scheme';

// Which comparator a feed's version bounds need (issue 13). NVD and JVN do not say; each value is
// guessed with the matcher's own `guessScheme` (so feeds and matcher agree), and a range's
// bounds get one scheme between them.

/** The scheme for one version value (the matcher's guessScheme). */
export function guessFeedScheme(value: string): VersionScheme {
  return guessScheme(value);
}

/**
 * One scheme for all bounds of a range: the bounds' common scheme when they agree; vendor when
 * any bound is a vendor form; otherwise generic (e.g. "2.5" and "2.5.1" compare as dotted numbers).
 */
export function guessRangeScheme(values: ReadonlyArray<string | undefined>): VersionScheme {
  const schemes = values.filter((value): value is string => value !== undefined).map(guessScheme);
  const first = schemes[0];
  if (first !== undefined && schemes.every((scheme) => scheme === first)) return first;
  if (schemes.includes('vendor')) return 'vendor';
  return 'generic';
}
