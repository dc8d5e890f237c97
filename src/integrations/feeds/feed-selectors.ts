import type { AffectedRule, ProductSelector, VersionConstraint } from '../../core/vulnerabilities/advisory.types';
import { cpe22ToCpe23 } from '../../core/vulnerabilities/cpe22';
import { splitCpe23, unescapeCpeValue, withCpeVersion } from '../../core/vulnerabilities/feed-cpe23';
import { guessRangeScheme } from '../../core/vulnerabilities/feed-version-scheme';

// Selectors from the product identifiers feeds carry (CPE 2.2 or 2.3, purl): the product part
// becomes the selector, a version inside the identifier becomes an exact version.

export interface SelectorWithVersion {
  readonly selector: ProductSelector;
  /** The version the identifier itself names (CPE version part, purl `@version`), if any. */
  readonly version?: string;
}

/** A CPE 2.3 name or CPE 2.2 URI → selector (version `*`, or `-` when NA) + its version; undefined when not a CPE. */
export function cpeSelector(cpe: string): SelectorWithVersion | undefined {
  // Some feeds percent-encode inside CPE 2.3 names (`%28idc%29`): written as CPE 2.3 escapes (`\\(idc\\)`).
  const cpe23 = cpe.startsWith('cpe:/') ? cpe22ToCpe23(cpe) : percentToEscapes(cpe.trim());
  const parts = cpe23 ? splitCpe23(cpe23) : undefined;
  if (!parts) return undefined;
  const version = parts[3]!;
  return {
    // NA ("-") is not "any version": the selector keeps it, so only NA identities meet it.
    selector: { kind: 'cpe', cpe: withCpeVersion(parts, version === '-' ? '-' : '*') },
    ...(version !== '*' && version !== '-' ? { version: unescapeCpeValue(version) } : {}),
  };
}

const PURL = /^pkg:[A-Za-z.+-][A-Za-z0-9.+-]*\/[^?#]+/;

/** A package URL → selector without version, qualifiers or subpath + its version; undefined when not a purl. */
export function purlSelector(purl: string): SelectorWithVersion | undefined {
  const match = PURL.exec(purl.trim());
  if (!match) return undefined;
  const base = match[0];
  const at = base.lastIndexOf('@');
  const slash = base.lastIndexOf('/');
  if (at > slash) {
    return { selector: { kind: 'purl', purl: base.slice(0, at) }, version: decodeURIComponent(base.slice(at + 1)) };
  }
  return { selector: { kind: 'purl', purl: base } };
}

/** One exact version as a constraint. */
export function exactVersion(version: string): VersionConstraint {
  return { kind: 'range', scheme: guessRangeScheme([version]), exact: version };
}

function percentToEscapes(cpe: string): string {
  return cpe.replace(/%([0-9a-f]{2})/gi, (_match, hex: string) => {
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return /^[A-Za-z0-9_.-]$/.test(char) ? char : `\\${char}`;
  });
}

/** Rules without duplicates (feeds repeat a product under several platforms or ecosystems). */
export function uniqueRules(rules: readonly AffectedRule[]): AffectedRule[] {
  const seen = new Set<string>();
  return rules.filter((rule) => {
    const key = JSON.stringify(rule);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
