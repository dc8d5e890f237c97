// CPE 2.3 formatted strings split into their 13 parts and put back together (issue 13). Feeds
// carry the product and the version in one CPE; the advisory model keeps the product in the
// selector (version `*`) and the versions in the constraint, so importers take CPEs apart here.

const CPE23_PREFIX = 'cpe:2.3:';

/**
 * The 11 attributes after `cpe:2.3:` (part, vendor, product, version, update, edition, language,
 * sw_edition, target_sw, target_hw, other).
 */
export type Cpe23Parts = string[];

/**
 * Splits a CPE 2.3 formatted string into its 11 attributes, honouring `\` escapes (an escaped
 * colon stays inside its attribute). Returns undefined when the text is not a 13-part CPE 2.3 name.
 */
export function splitCpe23(text: string): Cpe23Parts | undefined {
  if (!text.startsWith(CPE23_PREFIX)) return undefined;
  const parts: string[] = [];
  let current = '';
  const rest = text.slice(CPE23_PREFIX.length);
  for (let index = 0; index < rest.length; index += 1) {
    const char = rest[index]!;
    if (char === '\\' && index + 1 < rest.length) {
      current += char + rest[index + 1]!;
      index += 1;
    } else if (char === ':') {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  if (parts.length !== 11 || !/^[aho*-]$/.test(parts[0]!) || parts.some((part) => part === '')) return undefined;
  return parts;
}

/** Joins 11 attributes back into a CPE 2.3 formatted string (attributes are taken as already escaped). */
export function joinCpe23(parts: readonly string[]): string {
  return CPE23_PREFIX + parts.join(':');
}

/** The CPE with its version attribute replaced (`*` by default): the product without its version. */
export function withCpeVersion(parts: readonly string[], version = '*'): string {
  const copy = [...parts];
  copy[3] = version;
  return joinCpe23(copy);
}

/** An attribute value as a person writes it: CPE escapes (`\.`, `\-`, `\:` …) removed. */
export function unescapeCpeValue(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}
