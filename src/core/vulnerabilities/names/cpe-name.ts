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
  // Most names have no escapes, and split() is many times faster than walking them character by
  // character (the matcher parses every term of every advisory).
  const attributes = cpe.includes('\\') ? splitEscaped(cpe) : cpe.split(':');
  if (attributes.length !== 13 || attributes[0] !== 'cpe' || attributes[1] !== '2.3') return null;
  const [, , part, vendor, product, version, ...rest] = attributes.map((value) => value.toLowerCase());
  return { part: part!, vendor: vendor!, product: product!, version: version!, rest };
}

/** Splits at colons that are not escaped ("\\:" stays inside its attribute, escape and all). */
function splitEscaped(cpe: string): string[] {
  const attributes: string[] = [];
  let start = 0;
  for (let i = 0; i < cpe.length; i += 1) {
    const c = cpe[i];
    if (c === '\\' && i + 1 < cpe.length) i += 1;
    else if (c === ':') {
      attributes.push(cpe.slice(start, i));
      start = i + 1;
    }
  }
  attributes.push(cpe.slice(start));
  return attributes;
}

/** Removes CPE escapes: "1\.2\.3" → "1.2.3". */
export function unescapeCpeValue(value: string): string {
  if (!value.includes('\\')) return value;
  return value.replace(/\\(.)/g, '$1');
}

/** The key the matcher indexes CPEs by: vendor and product, unescaped. */
export function cpeProductKey(name: CpeName): string {
  return `${unescapeCpeValue(name.vendor)}:${unescapeCpeValue(name.product)}`;
}
