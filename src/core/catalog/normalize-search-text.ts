/** Dash-like characters a Japanese keyboard or a PDF produces for "-" (not the long vowel mark ー). */
const DASHES = /[\u2010-\u2015\u2212\u2043\ufe58\ufe63]/g;
/** Wave dashes and tildes. */
const WAVES = /[\u301c\u223c\uff5e]/g;
/** Quotes, brackets and Japanese sentence punctuation: they separate words, they are not searched. */
const SEPARATORS = /[「」『』【】〔〕〈〉《》()[\]{}"'“”‘’、。,;!?・…]/g;
/** A run of zeros that only pads a number: "PR.AA-01" and "PR.AA-1" are the same code. */
const PADDING_ZEROS = /(^|[\s.:-])0+(?=\d)/g;

/**
 * Folds the differences a searcher should not have to think about: full-width vs half-width
 * (NFKC: "ＩＤ．ＡＭ" → "id.am", "ﾊﾟｽﾜｰﾄﾞ" → "パスワード"), upper vs lower case, katakana vs
 * hiragana, dash and bracket variants, zero-padded numbers in codes, and runs of white space.
 */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0x60))
    .replace(DASHES, '-')
    .replace(WAVES, '~')
    .replace(SEPARATORS, ' ')
    .replace(/\s+/g, ' ')
    .replace(PADDING_ZEROS, '$1')
    .trim();
}

/** A normalized text with, for every character of it, the index in the original it came from. */
export interface NormalizedWithOffsets {
  readonly normalized: string;
  readonly offsets: readonly number[];
}

/** Voiced sound marks (full and half width) and Latin combining accents attach to the character before. */
export function isCombiningMark(char: string): boolean {
  const point = char.codePointAt(0) ?? 0;
  return (
    point === 0x3099 || point === 0x309a || point === 0xff9e || point === 0xff9f || (point >= 0x300 && point <= 0x36f)
  );
}

/**
 * The same folding as {@link normalizeSearchText}, cluster by cluster, keeping where each folded
 * character came from, so a match in the folded text can be highlighted in the original.
 */
export function normalizeWithOffsets(text: string): NormalizedWithOffsets {
  const chars: string[] = [];
  const offsets: number[] = [];
  const points = Array.from(text);
  let position = 0;
  for (let index = 0; index < points.length;) {
    let cluster = points[index] ?? '';
    const start = position;
    position += cluster.length;
    index += 1;
    while (index < points.length && isCombiningMark(points[index] ?? '')) {
      cluster += points[index];
      position += (points[index] ?? '').length;
      index += 1;
    }
    for (const char of normalizeCluster(cluster)) {
      const last = chars[chars.length - 1];
      if (char === ' ' && (last === undefined || last === ' ')) continue;
      chars.push(char);
      offsets.push(start);
    }
  }
  while (chars[chars.length - 1] === ' ') {
    chars.pop();
    offsets.pop();
  }
  // Drop padding zeros the way PADDING_ZEROS does on the whole string.
  const keptChars: string[] = [];
  const keptOffsets: number[] = [];
  let inPadding = false;
  for (let index = 0; index < chars.length; index += 1) {
    const char = chars[index] ?? '';
    const before = keptChars[keptChars.length - 1];
    const atBoundary: boolean = inPadding || before === undefined || /[\s.:-]/.test(before);
    inPadding = char === '0' && atBoundary && /\d/.test(chars[index + 1] ?? '');
    if (inPadding) continue;
    keptChars.push(char);
    keptOffsets.push(offsets[index] ?? 0);
  }
  return { normalized: keptChars.join(''), offsets: keptOffsets };
}

function normalizeCluster(cluster: string): string {
  return cluster
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0x60))
    .replace(DASHES, '-')
    .replace(WAVES, '~')
    .replace(SEPARATORS, ' ')
    .replace(/\s/g, ' ');
}
