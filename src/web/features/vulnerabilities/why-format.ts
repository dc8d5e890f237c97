import type { WhyView } from '../../../contracts/vulnerabilities/parts.schema';

/** A `why` as the screens show it: what product matched, in short and in full, and which versions. */
export interface WhyText {
  /** Short product label: `vendor product` of a CPE, `type/name` of a purl, or the names as written. */
  readonly product: string;
  /** The full selector (CPE or purl string) for a tooltip. */
  readonly full: string;
  /** The version range, or null when every version is covered. */
  readonly range: string | null;
  /** The platform condition's short label, when the match is an AND configuration. */
  readonly platform: string | null;
}

/** CPE 2.3 splits on colons that are not escaped with a backslash. */
function cpeParts(cpe: string): string[] {
  return cpe.split(/(?<!\\):/).map((part) => part.replace(/\\(.)/g, '$1'));
}

/**
 * A selector's short label. `cpe:2.3:o:acme:cam_fw:*:…` → `acme cam_fw`, with the version when
 * it is a concrete one; `pkg:deb/debian/openssl` → `deb/openssl`; anything else as written.
 */
export function shortSelector(selector: string): string {
  const text = selector.trim();
  if (text.startsWith('cpe:2.3:')) {
    const [, , , vendor = '', product = '', version = ''] = cpeParts(text);
    const concrete = version !== '' && version !== '*' && version !== '-' ? ` ${version}` : '';
    return `${vendor} ${product}`.trim() + concrete;
  }
  if (text.startsWith('pkg:')) {
    const path = text.slice(4).split(/[@?#]/)[0] ?? '';
    const segments = path.split('/');
    const type = segments[0] ?? '';
    const name = segments[segments.length - 1] ?? '';
    return segments.length > 1 ? `${type}/${decodeURIComponent(name)}` : path;
  }
  return text;
}

/** True when a rendered range covers every version (`*`, `all`, or nothing). */
function isEveryVersion(range: string): boolean {
  const text = range.trim();
  return text === '' || text === '*' || text.toLowerCase() === 'all' || text === 'vers:all/*';
}

/** Turns the API's `why` into the parts a table cell shows (pure; labels are the caller's). */
export function describeWhy(why: WhyView): WhyText {
  return {
    product: shortSelector(why.selector),
    full: why.selector,
    range: isEveryVersion(why.range) ? null : why.range.trim(),
    platform: why.platform ? shortSelector(why.platform) : null,
  };
}
