import { compareDigits } from './semver-version';

// RPM versions, [epoch:]version[-release], ordered like rpmvercmp: alphanumeric segments compared
// one by one (numbers numerically and above letters), separators ignored, "~" sorts before
// everything and "^" after the end but before any further segment.

export interface RpmVersion {
  readonly epoch: string;
  readonly version: string;
  readonly release: string;
}

const RPM = /^(?:(\d+):)?([A-Za-z0-9._+~^]+)(?:-([A-Za-z0-9._+~^]+))?$/;

/** Reads an RPM EVR; null when it is not one or carries no digit. */
export function parseRpmVersion(text: string): RpmVersion | null {
  const found = RPM.exec(text.trim());
  if (!found || !/\d/.test(found[2]!)) return null;
  return { epoch: found[1] ?? '0', version: found[2]!, release: found[3] ?? '' };
}

const isAlnum = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** rpmvercmp of one version or release string. */
export function compareRpmPart(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && !isAlnum(a[i]) && a[i] !== '~' && a[i] !== '^') i += 1;
    while (j < b.length && !isAlnum(b[j]) && b[j] !== '~' && b[j] !== '^') j += 1;
    if (a[i] === '~' || b[j] === '~') {
      if (a[i] !== '~') return 1;
      if (b[j] !== '~') return -1;
      i += 1;
      j += 1;
      continue;
    }
    if (a[i] === '^' || b[j] === '^') {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (a[i] !== '^') return 1;
      if (b[j] !== '^') return -1;
      i += 1;
      j += 1;
      continue;
    }
    if (i >= a.length || j >= b.length) break;
    const numeric = isDigit(a[i]);
    const aStart = i;
    const bStart = j;
    const inSegment = numeric ? isDigit : (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);
    while (i < a.length && inSegment(a[i])) i += 1;
    while (j < b.length && inSegment(b[j])) j += 1;
    const left = a.slice(aStart, i);
    const right = b.slice(bStart, j);
    // A number meets letters: the number is newer.
    if (right.length === 0) return numeric ? 1 : -1;
    const order = numeric ? compareDigits(left, right) : left < right ? -1 : left > right ? 1 : 0;
    if (order !== 0) return order;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i >= a.length ? -1 : 1;
}

/** RPM order: epoch, then version, then release. */
export function compareRpmVersion(a: RpmVersion, b: RpmVersion): number {
  return (
    compareDigits(a.epoch, b.epoch) || compareRpmPart(a.version, b.version) || compareRpmPart(a.release, b.release)
  );
}
