import { compareDigits } from './semver-version';

// Debian package versions, [epoch:]upstream[-revision], ordered the way dpkg orders them: letters
// before other symbols, "~" before everything (even the end of the string), digit runs as numbers.

export interface DebianVersion {
  readonly epoch: string;
  readonly upstream: string;
  readonly revision: string;
}

const DEBIAN = /^(?:(\d+):)?([0-9][A-Za-z0-9.+~:-]*?)(?:-([A-Za-z0-9.+~]+))?$/;

/** Reads a Debian version; null when it breaks dpkg's syntax. */
export function parseDebianVersion(text: string): DebianVersion | null {
  const found = DEBIAN.exec(text.trim());
  if (!found) return null;
  const upstream = found[2]!;
  // A colon in the upstream part needs an epoch; a hyphen in it needs a revision (dpkg's rule).
  if (upstream.includes(':') && found[1] === undefined) return null;
  return { epoch: found[1] ?? '0', upstream, revision: found[3] ?? '' };
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** The weight of one non-digit character: "~" lowest, then the end, then letters, then the rest. */
function weight(text: string, index: number): number {
  if (index >= text.length) return 0;
  const c = text.charCodeAt(index);
  if (isDigit(c)) return 0;
  if (isLetter(c)) return c;
  if (c === 126) return -1;
  return c + 256;
}

/** dpkg's comparison of one version part (upstream or revision). */
export function compareDebianPart(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while ((i < a.length && !isDigit(a.charCodeAt(i))) || (j < b.length && !isDigit(b.charCodeAt(j)))) {
      const left = weight(a, i);
      const right = weight(b, j);
      if (left !== right) return left - right;
      i += 1;
      j += 1;
    }
    const aStart = i;
    const bStart = j;
    while (i < a.length && isDigit(a.charCodeAt(i))) i += 1;
    while (j < b.length && isDigit(b.charCodeAt(j))) j += 1;
    const order = compareDigits(a.slice(aStart, i) || '0', b.slice(bStart, j) || '0');
    if (order !== 0) return order;
  }
  return 0;
}

/** Debian version order: epoch, then upstream, then revision. */
export function compareDebianVersion(a: DebianVersion, b: DebianVersion): number {
  return (
    compareDigits(a.epoch, b.epoch) ||
    compareDebianPart(a.upstream, b.upstream) ||
    compareDebianPart(a.revision, b.revision)
  );
}
