// Package URLs reduced to what matching needs: the package (type/namespace/name) and the version.

/** A purl's package without version, qualifiers or subpath, and its version ('' when absent). */
export interface PurlName {
  readonly base: string;
  readonly version: string;
}

/** Splits a package URL; null when it does not start with `pkg:type/`. */
export function parsePurlName(purl: string): PurlName | null {
  const withoutExtras = purl.trim().replace(/[#?].*$/s, '');
  const at = withoutExtras.lastIndexOf('@');
  const base = at > 0 ? withoutExtras.slice(0, at) : withoutExtras;
  const found = /^pkg:\/*([A-Za-z.+-][A-Za-z0-9.+-]*)\/(.+)$/.exec(base);
  if (!found) return null;
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  const path = found[2]!.split('/').filter(Boolean).map(decode).join('/');
  return {
    base: `pkg:${found[1]!.toLowerCase()}/${path.toLowerCase()}`,
    version: at > 0 ? decode(withoutExtras.slice(at + 1)) : '',
  };
}
