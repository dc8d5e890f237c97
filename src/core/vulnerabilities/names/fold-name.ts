// Vendor and product names as advisories and inventories write them differ in width, case,
// spacing, punctuation and corporate suffixes ("ＯＭＲＯＮ Corporation", "omron corp.",
// "オムロン株式会社"). Folding removes those differences before names are compared.

const JAPANESE_FORMS = /株式会社|有限会社|合同会社|\(株\)|\(有\)/gu;
// Corporate suffixes at the end of a Latin name, possibly several ("Co., Ltd.").
const LATIN_SUFFIX =
  /[\s,.]+(?:co\.?,?\s*ltd|inc|incorporated|corporation|corp|company|limited|ltd|llc|gmbh|ag|plc|k\.?k|s\.?a|co)\.?$/u;

/** NFKC, lower case, and every character that is not a letter or digit removed. */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Folds a company name: foldText after removing corporate forms (株式会社, Co., Ltd., Inc., …). */
export function foldCompanyName(name: string): string {
  let text = ` ${name.normalize('NFKC').toLowerCase().replace(JAPANESE_FORMS, ' ').trim()}`;
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(LATIN_SUFFIX, '');
  }
  return foldText(text);
}
