import type { VersionScheme } from '../advisory.types';
import { compareDebianVersion, parseDebianVersion, type DebianVersion } from './debian-version';
import { compareTokens, parseGenericVersion, parseVendorVersion, type VersionToken } from './dotted-version';
import { compareRpmVersion, parseRpmVersion, type RpmVersion } from './rpm-version';
import { compareSemver, parseSemver, type SemverVersion } from './semver-version';

/** A version read under one scheme; only versions of the same scheme are compared. */
export type ParsedVersion =
  | { readonly scheme: 'semver'; readonly value: SemverVersion }
  | { readonly scheme: 'deb'; readonly value: DebianVersion }
  | { readonly scheme: 'rpm'; readonly value: RpmVersion }
  | { readonly scheme: 'generic' | 'vendor'; readonly value: readonly VersionToken[] };

/** Reads `text` under `scheme`; null when the text is not a version of that scheme. */
export function parseVersion(text: string, scheme: VersionScheme): ParsedVersion | null {
  switch (scheme) {
    case 'semver': {
      const value = parseSemver(text);
      return value && { scheme, value };
    }
    case 'deb': {
      const value = parseDebianVersion(text);
      return value && { scheme, value };
    }
    case 'rpm': {
      const value = parseRpmVersion(text);
      return value && { scheme, value };
    }
    case 'generic': {
      const value = parseGenericVersion(text);
      return value && { scheme, value };
    }
    case 'vendor': {
      const value = parseVendorVersion(text);
      return value && { scheme, value };
    }
  }
}

/** Orders two versions of the same scheme: negative, zero or positive. */
export function compareParsed(a: ParsedVersion, b: ParsedVersion): number {
  if (a.scheme !== b.scheme) throw new Error(`cannot compare a ${a.scheme} version with a ${b.scheme} version`);
  switch (a.scheme) {
    case 'semver':
      return Math.sign(compareSemver(a.value, (b as typeof a).value));
    case 'deb':
      return Math.sign(compareDebianVersion(a.value, (b as typeof a).value));
    case 'rpm':
      return Math.sign(compareRpmVersion(a.value, (b as typeof a).value));
    case 'generic':
    case 'vendor':
      return compareTokens(a.value, (b as typeof a).value);
  }
}

/** Orders two version texts under `scheme`; null when either is not a version of it. */
export function compareVersions(a: string, b: string, scheme: VersionScheme): number | null {
  const left = parseVersion(a, scheme);
  const right = parseVersion(b, scheme);
  return left && right ? compareParsed(left, right) : null;
}
