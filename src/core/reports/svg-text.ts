/** Text helpers for the SVG charts of reports: escaping, number formatting, a width estimate. */

/** Escapes text for an SVG text node or attribute value. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A coordinate with at most two decimals, without trailing zeros (`12.5`, `3`). */
export function coordinate(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * The width of `text` at `fontSize` in Noto Sans JP, estimated without the font: full-width
 * characters take about one em, narrow ones (Latin, digits, punctuation) about 0.56 em. Charts
 * use it to shorten labels before they would run into the plot; it errs on the wide side.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const character of text) ems += (character.codePointAt(0) ?? 0) > 0x2e80 ? 1 : 0.56;
  return ems * fontSize;
}

/** `text` shortened with an ellipsis so that its estimated width stays within `maxWidth`. */
export function fitText(text: string, fontSize: number, maxWidth: number): string {
  if (estimateTextWidth(text, fontSize) <= maxWidth) return text;
  const characters = [...text];
  while (characters.length > 0 && estimateTextWidth(`${characters.join('')}…`, fontSize) > maxWidth) characters.pop();
  return `${characters.join('').trimEnd()}…`;
}

/** A score (0–1) as a whole percentage, or an em dash when there is none. */
export function percent(score: number | null): string {
  return score === null ? '—' : `${Math.round(score * 100)}%`;
}

/**
 * One SVG element: `<name a="1" b="2"/>`, or with `content` (already SVG) `<name …>content</name>`.
 * Attributes keep their order; their values are escaped.
 */
export function svgElement(
  name: string,
  attributes: Readonly<Record<string, string | number>>,
  content?: string,
): string {
  const written = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
  return content === undefined ? `<${name}${written}/>` : `<${name}${written}>${content}</${name}>`;
}
