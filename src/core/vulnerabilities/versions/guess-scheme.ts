import type { VersionScheme } from '../advisory.types';

// Which comparator suits a version text whose source names no scheme (NVD ranges, device
// firmware). The guess only picks the comparator; a text that the chosen scheme cannot read
// still compares as unknown, never as a match.

const SEMVER = /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
const DEBIAN = /^\d+:\d|^\d[\w.+~]*-[\w.+~]*(?:deb|ubuntu)/i;
const RPM = /\.(?:el|fc|amzn|sles|mga)\d/i;
const VENDOR = /^(?:v|ver\.?|version|r|fw|firmware|バージョン)\s*\.?\s*\d|\s|build/i;

/** Guesses the version scheme of `text`: 'semver', 'deb', 'rpm', 'vendor' or (otherwise) 'generic'. */
export function guessScheme(text: string): VersionScheme {
  const value = text.normalize('NFKC').trim();
  if (DEBIAN.test(value)) return 'deb';
  if (RPM.test(value)) return 'rpm';
  if (SEMVER.test(value)) return 'semver';
  if (VENDOR.test(value)) return 'vendor';
  return 'generic';
}
