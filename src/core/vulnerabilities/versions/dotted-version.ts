import { compareDigits } from './semver-version';

// Dotted versions with letters ('generic') and the forms vendors print on devices ('vendor':
// "V4.00", "R4", "v6 R4", "Ver.2.1", "00.07.03.4", "1.0.5 build 1234"). Both become a list of
// tokens — digit runs and letter runs, every other character a separator — compared left to right.
// Token order: pre-release words (dev < alpha < beta < pre < rc) < end of version < other words
// (alphabetical) < numbers. Trailing zero numbers of a run are dropped ("1.0" = "1", "V4.00" = "V4").

/** One token: `rank` orders the kinds, `text` orders tokens of the same kind. */
export interface VersionToken {
  readonly rank: number;
  readonly text: string;
}

const PRE_RELEASE = ['dev', 'alpha', 'beta', 'pre', 'rc'];
const RANK_PRE = 0;
const RANK_END = 1;
const RANK_WORD = 2;
const RANK_NUMBER = 3;
const END: VersionToken = { rank: RANK_END, text: '' };

// Letters of any script may appear ("ビルド"), but brackets, quotes, commas, comparison signs
// and the like mean the text is prose or a range, not one version.
const ALLOWED = /^[\p{L}\p{N} ._+~:/-]+$/u;
// What vendors write before the version itself.
const VENDOR_PREFIX = /^(?:firmware|fw|version|ver\.?|バージョン|v\.?)\s*(?=\d|r\d)/u;

function tokenize(text: string): VersionToken[] | null {
  if (!ALLOWED.test(text) || !/\p{N}/u.test(text)) return null;
  const tokens: VersionToken[] = [];
  for (const [run] of text.matchAll(/\d+|\p{L}+/gu)) {
    if (/^\d/.test(run)) {
      tokens.push({ rank: RANK_NUMBER, text: run.replace(/^0+(?=\d)/, '') });
    } else {
      const pre = PRE_RELEASE.indexOf(run);
      tokens.push(pre >= 0 ? { rank: RANK_PRE, text: String(pre) } : { rank: RANK_WORD, text: run });
    }
  }
  // Drop zero numbers that end a run of numbers: "1.0.0" is "1", "1.0rc1" is "1rc1".
  return tokens.filter((token, index) => !(token.rank === RANK_NUMBER && isTrailingZero(tokens, index)));
}

/** True when tokens[index] and every number after it up to the next word (or the end) are zero. */
function isTrailingZero(tokens: readonly VersionToken[], index: number): boolean {
  for (let i = index; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (token.rank !== RANK_NUMBER) return true;
    if (!/^0+$/.test(token.text)) return false;
  }
  return true;
}

/** Reads a generic dotted version (NFKC, case folded); null when it is not one. */
export function parseGenericVersion(text: string): VersionToken[] | null {
  return tokenize(text.normalize('NFKC').trim().toLowerCase());
}

/** Reads a vendor version: the generic form after a "V", "Ver.", "Version", "FW" prefix. */
export function parseVendorVersion(text: string): VersionToken[] | null {
  return tokenize(text.normalize('NFKC').trim().toLowerCase().replace(VENDOR_PREFIX, ''));
}

function compareToken(a: VersionToken, b: VersionToken): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.rank === RANK_NUMBER) return compareDigits(a.text, b.text);
  return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
}

/** Orders two token lists, the shorter one padded with the end-of-version token. */
export function compareTokens(a: readonly VersionToken[], b: readonly VersionToken[]): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const order = compareToken(a[i] ?? END, b[i] ?? END);
    if (order !== 0) return Math.sign(order);
  }
  return 0;
}
