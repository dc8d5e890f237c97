// Parsers for the values of device fields. Each returns the normalised value or undefined when
// the text is not one; callers turn undefined into a located error. Pure and fast: an import
// calls them a million times.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SLASH_DATE = /^(\d{4})[/.年](\d{1,2})[/.月](\d{1,2})日?$/;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  if (month !== 2) return DAYS[month - 1]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** YYYY-MM-DD, YYYY/M/D or YYYY年M月D日 → YYYY-MM-DD, if it names a real day. */
export function parseDate(text: string): string | undefined {
  const match = ISO_DATE.exec(text) ?? SLASH_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (match[0].length === 10 && match[0][4] === '-') return text; // already YYYY-MM-DD
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** An IPv4 address (dotted decimal, no leading zeros) or IPv6 (compressed, lower case); undefined otherwise. */
export function parseIpAddress(text: string): string | undefined {
  if (IPV4.test(text)) return text;
  if (!text.includes(':') || !/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  try {
    // The WHATWG URL parser validates and compresses IPv6 hosts (pure, no lookup).
    return new URL(`http://[${text}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
}

const MAC =
  /^([0-9a-f]{2})[:-]?([0-9a-f]{2})[:.-]?([0-9a-f]{2})[:-]?([0-9a-f]{2})[:.-]?([0-9a-f]{2})[:-]?([0-9a-f]{2})$/i;

/** A 48-bit MAC address in colon, hyphen, dotted or bare form → lower-case colon form. */
export function parseMacAddress(text: string): string | undefined {
  const match = MAC.exec(text);
  return match ? match.slice(1, 7).join(':').toLowerCase() : undefined;
}

// CPE 2.3 formatted string: 13 colon-separated components, escapes allowed inside components.
const CPE23 = /^cpe:2\.3:[aho*-](?::(?:[^:\\]|\\.)*){10}$/;

/** A CPE 2.3 formatted string name (`cpe:2.3:h:vendor:product:…`, 13 parts); undefined otherwise. */
export function parseCpe23(text: string): string | undefined {
  return CPE23.test(text) ? text : undefined;
}

/** Splits a cell holding several values (spaces, `;`, `,` or newlines between them). */
export function splitList(text: string): string[] {
  return text.split(/[\s;,、]+/u).filter((part) => part !== '');
}

/** Splits CPE names: only spaces, `;` and newlines separate them (commas may be escaped inside). */
export function splitCpeList(text: string): string[] {
  return text.split(/[\s;]+/u).filter((part) => part !== '');
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'はい', '有', 'あり', '○', '〇']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'いいえ', '無', 'なし', '×', '-', '']);

/** A yes/no cell in English or Japanese. */
export function parseBoolean(text: string): boolean | undefined {
  const lower = text.toLowerCase();
  if (TRUE_WORDS.has(lower)) return true;
  if (FALSE_WORDS.has(lower)) return false;
  return undefined;
}

/** A decimal number (coordinates, custom number fields). */
export function parseNumber(text: string): number | undefined {
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return undefined;
  return Number(text);
}
