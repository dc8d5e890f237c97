import type { VersionScheme } from './advisory.types';

// Which comparator a feed's version bounds need (issue 13). NVD and JVN do not say; we look at
// the values. This is the importer's own small guess, used until the matcher's `guessScheme`
// (versions/, vuln-match) is available to the feeds; it only chooses among semver, vendor and
// generic — Debian/RPM come from an OSV ecosystem, never from looking at a value.

// A pre-release must start with a letter ("1.0.0-rc1"): "2.13.3-3.el8" is a package revision, not a pre-release.
const SEMVER = /^v?\d+\.\d+\.\d+(?:-[A-Za-z][0-9A-Za-z.-]*)?(?:\+[0-9A-Za-z.-]+)?$/;
// Vendor forms: "V4.00", "R4", "v6 R4", "Ver.2.1", "1.0.5 build 1234", "00.07.03.4" (leading zeros).
const VENDOR = /^(?:v(?:er(?:sion)?)?\.?\s*\d|r\d)|\s|build|(?:^|\.)0\d/i;

/** The scheme for one version value: semver-looking → semver, vendor forms → vendor, else generic. */
export function guessFeedScheme(value: string): VersionScheme {
  const text = value.trim();
  if (SEMVER.test(text) && !/(?:^|\.)0\d/.test(text)) return 'semver';
  if (VENDOR.test(text)) return 'vendor';
  return 'generic';
}

/** One scheme for all bounds of a range: semver when every value is semver, vendor when any is vendor. */
export function guessRangeScheme(values: ReadonlyArray<string | undefined>): VersionScheme {
  const schemes = values.filter((value): value is string => value !== undefined).map(guessFeedScheme);
  if (schemes.length > 0 && schemes.every((scheme) => scheme === 'semver')) return 'semver';
  if (schemes.includes('vendor')) return 'vendor';
  return 'generic';
}
