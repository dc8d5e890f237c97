// CPE 2.3 formatted strings split into their attributes (colons escaped with "\" stay inside
// an attribute). Only what matching needs: no WFN binding rules beyond unescaping.

/** The attributes of a CPE 2.3 name after `cpe:2.3:`, as written (still escaped). */
export interface CpeName {
  readonly part: string;
  readonly vendor: string;
  readonly product: string;
  readonly version: string;
  /** update, edition, language, sw_edition, target_sw, target_hw, other. */
  readonly rest: readonly string[];
}

/** Splits a CPE 2.3 formatted string; null when it is not one (wrong prefix or attribute count). */
export function parseCpeName(cpe: string): CpeName | null {
  const attributes: string[] = [];
  let current = '';
  for (let i = 0; i < cpe.length; i += 1) {
    const c = cpe[i]!;
    if (c === '\\' && i + 1 < cpe.length) {
      current += c + cpe[i + 1];
      i += 1;
    } else if (c === ':') {
      attributes.push(current);
      current = '';
    } else current += c;
  }
  attributes.push(current);
  if (attributes.length !== 13 || attributes[0] !== 'cpe' || attributes[1] !== '2.3') return null;
  const [, , part, vendor, product, version, ...rest] = attributes.map((value) => value.toLowerCase());
  return { part: part!, vendor: vendor!, product: product!, version: version!, rest };
}

/** Removes CPE escapes: "1\.2\.3" → "1.2.3". */
export function unescapeCpeValue(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}

/** The key the matcher indexes CPEs by: vendor and product, unescaped. */
export function cpeProductKey(name: CpeName): string {
  return `${unescapeCpeValue(name.vendor)}:${unescapeCpeValue(name.product)}`;
}
