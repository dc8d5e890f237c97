// Semantic Versioning 2.0 precedence, read loosely: a leading "v" and missing minor/patch parts
// ("1", "1.2") are accepted because feeds and devices write them; build metadata is ignored.

export interface SemverVersion {
  readonly core: readonly [string, string, string];
  /** Pre-release identifiers; empty for a release (which sorts after its pre-releases). */
  readonly pre: readonly string[];
}

const SEMVER =
  /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/** Compares two strings of digits as numbers of any size. */
export function compareDigits(a: string, b: string): number {
  const left = a.replace(/^0+(?=\d)/, '');
  const right = b.replace(/^0+(?=\d)/, '');
  if (left.length !== right.length) return left.length < right.length ? -1 : 1;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Reads a semantic version; null when the text is not one. */
export function parseSemver(text: string): SemverVersion | null {
  const found = SEMVER.exec(text.trim());
  if (!found) return null;
  return {
    core: [found[1] ?? '0', found[2] ?? '0', found[3] ?? '0'],
    pre: found[4] ? found[4].split('.') : [],
  };
}

const NUMERIC = /^\d+$/;

function compareIdentifier(a: string, b: string): number {
  const aNumeric = NUMERIC.test(a);
  const bNumeric = NUMERIC.test(b);
  if (aNumeric && bNumeric) return compareDigits(a, b);
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1; // numeric identifiers sort first
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Semver precedence: negative, zero or positive. */
export function compareSemver(a: SemverVersion, b: SemverVersion): number {
  for (let i = 0; i < 3; i += 1) {
    const order = compareDigits(a.core[i]!, b.core[i]!);
    if (order !== 0) return order;
  }
  if (a.pre.length === 0 || b.pre.length === 0)
    return b.pre.length - a.pre.length === 0 ? 0 : a.pre.length === 0 ? 1 : -1;
  const length = Math.min(a.pre.length, b.pre.length);
  for (let i = 0; i < length; i += 1) {
    const order = compareIdentifier(a.pre[i]!, b.pre[i]!);
    if (order !== 0) return order;
  }
  return Math.sign(a.pre.length - b.pre.length);
}
