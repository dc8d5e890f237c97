import type { VersionConstraint } from './advisory.types';
import { guessRangeScheme } from './feed-version-scheme';

// JVN writes affected versions as Japanese phrases (VULDEF <VersionNumber>): "v6 R4 およびそれ以前",
// "5.8 未満", "1.2 以降 1.5 未満", "全てのバージョン". This reads the phrases whose meaning is
// certain into version constraints; anything else (product qualifiers such as "for Windows 5.8
// (Build 1575) 未満", lists, notes) is returned unparsed for the confirmation queue — a wrong
// guess would silently match or miss devices, an unparsed text is shown to a person.

/** "every version" in the ways JVN writes it. */
const ALL_VERSIONS = /^(?:全て|すべて|全)の(?:バージョン|版)$/;

// Words before a version that carry no meaning for the range.
const LEADING_WORDS = /^(?:ファームウェア|ソフトウェア)?\s*(?:バージョン)?\s*/;

/** Bound words after a version: which bound it is and whether the version itself is included. */
const BOUND_WORDS: ReadonlyArray<readonly [RegExp, 'start' | 'end', boolean]> = [
  [/^(?:およびそれ以前|及びそれ以前|以前|以下)$/, 'end', true],
  [/^(?:未満|より前|より以前)$/, 'end', false],
  [/^(?:およびそれ以降|及びそれ以降|以降|以上)$/, 'start', true],
  [/^(?:より後|より以降|を超える|超)$/, 'start', false],
];

// A version as vendors write it: "5.8", "v6 R4", "Ver.2.1", "V4.00", "1.0.5 build 1234", "2.0.3a".
const VERSION_TOKEN =
  /^(?:(?:v|ver\.?|version)\s*)?\d[0-9A-Za-z._-]*(?:\s+r\d+[0-9A-Za-z._-]*)?(?:\s*\(?build\s*\d+\)?)?$|^r\d+[0-9A-Za-z._-]*$/i;

interface Bound {
  readonly side: 'start' | 'end';
  readonly including: boolean;
  readonly version: string;
}

/**
 * Reads one JVN version phrase. `all` for "全てのバージョン", a range for "X 未満" / "X 以前" /
 * "X 以降 Y 未満" / "X から Y まで" / a bare version (exact); `unparsed` with the original text
 * for anything not certain.
 */
export function parseJvnVersionText(text: string): VersionConstraint {
  const unparsed: VersionConstraint = { kind: 'unparsed', text };
  const normal = text
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/の?バージョン$/, '')
    .trim();
  // A list ("1.0 以前、2.0 以降") is several ranges: left for a person.
  if (normal === '' || /[、,;]/.test(normal)) return unparsed;
  if (ALL_VERSIONS.test(`${normal}のバージョン`) || ALL_VERSIONS.test(normal)) return { kind: 'all' };

  const fromTo = /^(.+?)\s*から\s*(.+?)\s*まで$/.exec(normal);
  if (fromTo) {
    const start = readVersion(fromTo[1]!);
    const end = readVersion(fromTo[2]!);
    if (start === undefined || end === undefined) return unparsed;
    return range([
      { side: 'start', including: true, version: start },
      { side: 'end', including: true, version: end },
    ]);
  }

  const bounds: Bound[] = [];
  let rest = normal;
  while (rest !== '') {
    const bound = readBound(rest);
    if (!bound) break;
    bounds.push(bound.bound);
    rest = bound.rest.replace(/^(?:かつ|から)?\s*/, '');
  }
  if (rest !== '') {
    if (bounds.length > 0) return unparsed;
    const exact = readVersion(rest);
    if (exact === undefined) return unparsed;
    return { kind: 'range', scheme: guessRangeScheme([exact]), exact };
  }
  if (bounds.length === 0 || bounds.length > 2) return unparsed;
  // Two bounds read as one interval only as "from X to Y"; "X 以前 Y 以降" are two ranges.
  if (bounds.length === 2 && (bounds[0]!.side !== 'start' || bounds[1]!.side !== 'end')) return unparsed;
  return range(bounds);
}

/** The first "VERSION BOUNDWORD" at the start of the text, and what follows it. */
function readBound(text: string): { bound: Bound; rest: string } | undefined {
  for (const [word, side, including] of BOUND_WORDS) {
    const source = word.source.slice(1, -1);
    const match = new RegExp(`^(.+?)\\s*${source}(?=$|[\\s、,])`).exec(text);
    if (!match) continue;
    const version = readVersion(match[1]!);
    if (version === undefined) continue;
    return { bound: { side, including, version }, rest: text.slice(match[0].length).trim() };
  }
  return undefined;
}

/** The version in a fragment, without filler words; undefined unless it is plainly one version. */
function readVersion(fragment: string): string | undefined {
  const version = fragment.replace(LEADING_WORDS, '').trim();
  return VERSION_TOKEN.test(version) ? version : undefined;
}

function range(bounds: readonly Bound[]): VersionConstraint {
  const values: Record<string, string> = {};
  for (const bound of bounds) {
    const key = `${bound.side}${bound.including ? 'Including' : 'Excluding'}`;
    values[key] = bound.version;
  }
  return { kind: 'range', scheme: guessRangeScheme(bounds.map((bound) => bound.version)), ...values };
}
