import type { WhyView } from '../../../contracts/vulnerabilities/parts.schema';

/** What a CPE says of its version or update: a value, any (`*`), or not applicable (`-`). */
export type CpeValue =
  { readonly kind: 'value'; readonly text: string } | { readonly kind: 'any' } | { readonly kind: 'not_applicable' };

/** A selector in short: `vendor product` of a CPE with its version and update, `type/name` of a purl. */
export interface SelectorLabel {
  /** `vendor product` of a CPE, `type/name` of a purl, or the names as written. */
  readonly name: string;
  /** A CPE's version and update; absent for a purl or names. */
  readonly version?: CpeValue;
  readonly update?: CpeValue;
}

/** A `why` as the screens show it: what product matched, in short and in full, and which versions. */
export interface WhyText {
  readonly product: SelectorLabel;
  /** The full selector (CPE or purl string) for a tooltip. */
  readonly full: string;
  /** The version range, or null when every version is covered. */
  readonly range: string | null;
  /** The platform condition in short, when the match is an AND configuration. */
  readonly platform: SelectorLabel | null;
}

/** CPE 2.3 splits on colons that are not escaped with a backslash. */
function cpeParts(cpe: string): string[] {
  return cpe.split(/(?<!\\):/).map((part) => part.replace(/\\(.)/g, '$1'));
}

function cpeValue(part: string): CpeValue {
  if (part === '' || part === '*') return { kind: 'any' };
  if (part === '-') return { kind: 'not_applicable' };
  return { kind: 'value', text: part };
}

/**
 * A selector in short. `cpe:2.3:h:acme:cam-100:-:*:…` → `acme cam-100`, version not applicable,
 * any update; `pkg:deb/debian/openssl` → `deb/openssl`; anything else as written.
 */
export function labelSelector(selector: string): SelectorLabel {
  const text = selector.trim();
  if (text.startsWith('cpe:2.3:')) {
    const [, , , vendor = '', product = '', version = '', update = ''] = cpeParts(text);
    return { name: `${vendor} ${product}`.trim(), version: cpeValue(version), update: cpeValue(update) };
  }
  if (text.startsWith('pkg:')) {
    const path = text.slice(4).split(/[@?#]/)[0] ?? '';
    const segments = path.split('/');
    const type = segments[0] ?? '';
    const name = segments[segments.length - 1] ?? '';
    return { name: segments.length > 1 ? `${type}/${decodeURIComponent(name)}` : path };
  }
  return { name: text };
}

/** The translate function of react-i18next, as far as the label needs it. */
type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * A selector label in words: a concrete version follows the name (`acme cam_fw 1.2`); a version
 * or update that is not applicable (`-`) is said so in parentheses, as is a concrete update. Any
 * version (`*`) is said only when asked (`sayAnyVersion`): beside a match the range says it already.
 */
export function sayProduct(label: SelectorLabel, t: Translate, options: { sayAnyVersion: boolean }): string {
  const { version, update } = label;
  const name = version?.kind === 'value' ? `${label.name} ${version.text}` : label.name;
  const qualifiers: string[] = [];
  if (version?.kind === 'not_applicable') qualifiers.push(t('vulnerabilities.why.versionNotApplicable'));
  if (version?.kind === 'any' && options.sayAnyVersion) qualifiers.push(t('vulnerabilities.why.versionAny'));
  if (update?.kind === 'value') qualifiers.push(t('vulnerabilities.why.update', { update: update.text }));
  if (update?.kind === 'not_applicable') qualifiers.push(t('vulnerabilities.why.updateNotApplicable'));
  if (qualifiers.length === 0) return name;
  return t('vulnerabilities.why.qualified', {
    product: name,
    qualifiers: qualifiers.join(t('vulnerabilities.why.qualifierSeparator')),
  });
}

/** True when a rendered range covers every version (`*`, `all`, or nothing). */
function isEveryVersion(range: string): boolean {
  const text = range.trim();
  return text === '' || text === '*' || text.toLowerCase() === 'all' || text === 'vers:all/*';
}

/** Turns the API's `why` into the parts a table cell shows (pure; words are the caller's). */
export function describeWhy(why: WhyView): WhyText {
  return {
    product: labelSelector(why.selector),
    full: why.selector,
    range: isEveryVersion(why.range) ? null : why.range.trim(),
    platform: why.platform ? labelSelector(why.platform) : null,
  };
}
