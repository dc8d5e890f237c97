import type { Language, LocalizedText } from './catalog.types';
import { isCombiningMark, normalizeWithOffsets } from './normalize-search-text';

/** A passage of original text and the [start, end) ranges in it that matched the query. */
export interface SearchSnippet {
  readonly text: string;
  readonly highlights: [number, number][];
}

const CONTEXT = 30;
const MAX_LENGTH = 120;

/**
 * Cuts a passage around the first match of any (already normalized) term, preferring the asked
 * language, and marks every match inside it. Undefined when no passage contains a term (e.g. the
 * node matched by its code only).
 */
export function buildSnippet(
  passages: readonly LocalizedText[],
  terms: readonly string[],
  language: Language,
): SearchSnippet | undefined {
  const other: Language = language === 'ja' ? 'en' : 'ja';
  for (const lang of [language, other]) {
    for (const passage of passages) {
      const snippet = snippetOf(passage[lang], terms);
      if (snippet) return snippet;
    }
  }
  return undefined;
}

function snippetOf(text: string, terms: readonly string[]): SearchSnippet | undefined {
  const { normalized, offsets } = normalizeWithOffsets(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    for (let at = normalized.indexOf(term); at >= 0; at = normalized.indexOf(term, at + term.length)) {
      const start = offsets[at] ?? 0;
      const lastOffset = offsets[at + term.length - 1] ?? start;
      ranges.push([start, endOfCluster(text, lastOffset)]);
    }
  }
  if (ranges.length === 0) return undefined;
  ranges.sort((a, b) => a[0] - b[0]);
  const first = ranges[0] ?? [0, 0];
  const from = Math.max(0, first[0] - CONTEXT);
  const to = Math.min(text.length, from + MAX_LENGTH);
  const prefix = from > 0 ? '…' : '';
  const suffix = to < text.length ? '…' : '';
  const shift = prefix.length - from;
  const highlights = merge(ranges)
    .filter(([start, end]) => start >= from && end <= to)
    .map(([start, end]): [number, number] => [start + shift, end + shift]);
  return { text: `${prefix}${text.slice(from, to)}${suffix}`, highlights };
}

/** The index just past the character (with any combining marks) that starts at `offset`. */
function endOfCluster(text: string, offset: number): number {
  let end = offset + ((text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1);
  while (end < text.length && isCombiningMark(text.charAt(end))) end += 1;
  return end;
}

function merge(ranges: readonly [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
