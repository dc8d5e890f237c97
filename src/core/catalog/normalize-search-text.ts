/**
 * Folds the differences a searcher should not have to think about: full-width vs half-width
 * (NFKC: "ＩＤ．ＡＭ" → "id.am", "ﾊﾟｽﾜｰﾄﾞ" → "パスワード"), upper vs lower case, katakana vs
 * hiragana, and runs of white space.
 */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0x60))
    .replace(/\s+/g, ' ')
    .trim();
}
