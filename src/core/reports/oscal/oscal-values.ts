import { IOTCHECK_NS, type OscalProperty } from './oscal.types';

// OSCAL ids are XML NCNames: a letter or _ first, then letters, digits, . - _. Catalog codes are
// not (`25`, `CR 1.1`, `I.2(a)`), so the id of a node is "<framework>_<code>" with every other
// character written as _xHHHH (and _ itself as __): readable for the usual codes, and one-to-one.
const TOKEN_CHARACTER = /[\p{L}\p{N}.-]/u;

/** The OSCAL id (a token) of a catalog node id `<framework>:<code>`, e.g. `jssec-v2:25` → `jssec-v2_25`. */
export function oscalNodeId(nodeId: string): string {
  const colon = nodeId.indexOf(':');
  return `${escapeToken(nodeId.slice(0, colon))}_${escapeToken(nodeId.slice(colon + 1))}`;
}

function escapeToken(text: string): string {
  let escaped = '';
  for (const character of text) {
    if (character === '_') escaped += '__';
    else if (TOKEN_CHARACTER.test(character)) escaped += character;
    else escaped += `_x${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return escaped;
}

/**
 * An OSCAL date-time (timezone required) from an ISO date-time, a date (`2019-04-01`), a month
 * (`2020-06`) or a year (`2014`): a partial date means its first day, midnight UTC.
 */
export function oscalDateTime(value: string): string {
  if (/^\d{4}$/.test(value)) return `${value}-01-01T00:00:00Z`;
  if (/^\d{4}-\d{2}$/.test(value)) return `${value}-01T00:00:00Z`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00Z`;
  return new Date(value).toISOString();
}

/**
 * A property value: OSCAL strings have no line breaks and no leading or trailing space, so runs
 * of whitespace become one space. Undefined for text that is blank.
 */
export function oneLine(text: string | null | undefined): string | undefined {
  const line = (text ?? '').replace(/\s+/gu, ' ').trim();
  return line === '' ? undefined : line;
}

/** An iotcheck property (`ns` set), or nothing when the value is blank. */
export function iotcheckProp(name: string, value: string | null | undefined): OscalProperty[] {
  const line = oneLine(value);
  return line === undefined ? [] : [{ name, ns: IOTCHECK_NS, value: line }];
}

/** The array, or undefined when it is empty (OSCAL arrays have at least one member). */
export function nonEmpty<T>(values: readonly T[]): readonly T[] | undefined {
  return values.length > 0 ? values : undefined;
}

/** A copy of the object without its undefined fields, so JSON output stays free of placeholders. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) as T;
}

/** A URL as a valid URI reference (spaces and non-ASCII percent-encoded), or undefined if it is not a URL. */
export function uriOf(url: string): string | undefined {
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
}
