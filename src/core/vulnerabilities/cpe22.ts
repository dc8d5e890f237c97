// CPE 2.2 URIs (JVN's VULDEF and RSS) converted to CPE 2.3 formatted strings (issue 13), so that
// every selector the matcher sees is a CPE 2.3 name. Follows the binding rules of NISTIR 7695:
// percent-encoding decoded, `%01`/`%02` become the `?`/`*` wildcards, an empty attribute is ANY
// (`*`), `-` is NA, a packed edition (`~ed~sw~tsw~thw~other`) is unpacked, and every character
// other than letters, digits, `_`, `.` and `-` is escaped with a backslash. Names are lower-cased
// (CPE 2.2 matching is case-insensitive).

const ATTRIBUTES_23 = 11;

/**
 * Converts `cpe:/a:vendor:product:version…` to `cpe:2.3:a:vendor:product:version:…` (13 parts).
 * Returns undefined when the text is not a CPE 2.2 URI (wrong prefix, part other than a/h/o,
 * too many attributes, broken percent-encoding).
 */
export function cpe22ToCpe23(uri: string): string | undefined {
  const text = uri.trim();
  if (!/^cpe:\/[aho]?(?::|$)/i.test(text)) return undefined;
  const attributes = text.slice('cpe:/'.length).split(':');
  if (attributes.length > 7) return undefined;
  const [part = '', vendor, product, version, update, edition, language] = attributes;
  const packed = edition?.startsWith('~') ? edition.split('~').slice(1) : undefined;
  if (packed && packed.length !== 5) return undefined;
  const values = [
    vendor,
    product,
    version,
    update,
    packed ? packed[0] : edition,
    language,
    packed?.[1],
    packed?.[2],
    packed?.[3],
    packed?.[4],
  ];
  const bound: string[] = [part === '' ? '*' : part.toLowerCase()];
  for (const value of values) {
    const converted = bindAttribute(value);
    if (converted === undefined) return undefined;
    bound.push(converted);
  }
  return bound.length === ATTRIBUTES_23 ? `cpe:2.3:${bound.join(':')}` : undefined;
}

/** One URI attribute → its formatted-string form; undefined on broken percent-encoding. */
function bindAttribute(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return '*';
  if (value === '-') return '-';
  let out = '';
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index]!;
    if (char !== '%') {
      out += escapeChar(char.toLowerCase());
      continue;
    }
    const hex = value.slice(index + 1, index + 3);
    if (!/^[0-9a-f]{2}$/i.test(hex)) return undefined;
    index += 2;
    const code = Number.parseInt(hex, 16);
    if (code === 1) out += '?';
    else if (code === 2) out += '*';
    else out += escapeChar(String.fromCharCode(code).toLowerCase());
  }
  return out;
}

function escapeChar(char: string): string {
  return /^[a-z0-9_.-]$/.test(char) ? char : `\\${char}`;
}
