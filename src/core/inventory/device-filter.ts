// What a device list can be narrowed and ordered by: the one filter shape shared by the list,
// the facets, the bulk edit, the export and the CLI. Pure: dates are passed in, never read.

/** Support status buckets, relative to a day: ended, ending within 3/6/12 months, later, no date. */
export const SUPPORT_BUCKETS = ['ended', '3m', '6m', '12m', 'later', 'unknown'] as const;
export type SupportBucket = (typeof SUPPORT_BUCKETS)[number];

/** The orders a device list can take (each breaks ties by id). */
export const DEVICE_SORTS = [
  'assetTag',
  'name',
  'manufacturer',
  'model',
  'firmwareVersion',
  'site',
  'status',
  'supportUntil',
  'updatedAt',
] as const;
export type DeviceSort = (typeof DEVICE_SORTS)[number];
export type SortDirection = 'asc' | 'desc';

/** The filters that take one or more exact values of a device column (facets, except support). */
export const VALUE_FILTERS = ['deviceClass', 'manufacturer', 'model', 'firmwareVersion', 'site', 'status'] as const;
export type ValueFilter = (typeof VALUE_FILTERS)[number];

/**
 * A device selection. Every present condition must hold; a list of values means any of them.
 * `q` is a case-insensitive prefix of the asset tag, name, model, serial number, IP or MAC address.
 */
export interface DeviceFilter {
  readonly q?: string;
  readonly deviceClass?: readonly string[];
  readonly manufacturer?: readonly string[];
  readonly model?: readonly string[];
  readonly firmwareVersion?: readonly string[];
  readonly site?: readonly string[];
  readonly status?: readonly string[];
  readonly support?: readonly SupportBucket[];
  readonly systemId?: readonly string[];
  readonly noOwner?: boolean;
  readonly noLocation?: boolean;
  readonly firmwareOlderThanDays?: number;
}

/** The day boundaries of the support buckets: ended < today ≤ 3m < in3m ≤ 6m < in6m ≤ 12m < in12m ≤ later. */
export interface SupportBounds {
  readonly today: string;
  readonly in3m: string;
  readonly in6m: string;
  readonly in12m: string;
}

/** `day` (YYYY-MM-DD) moved by whole months, clamped to the month's last day (Jan 31 + 1 → Feb 28/29). */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, lastDay));
  return target.toISOString().slice(0, 10);
}

/** `day` moved by whole days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The bucket boundaries as seen on `today` (UTC day of the clock). */
export function supportBounds(now: Date): SupportBounds {
  const today = now.toISOString().slice(0, 10);
  return { today, in3m: addMonths(today, 3), in6m: addMonths(today, 6), in12m: addMonths(today, 12) };
}

/** The bucket a support-until day falls in. */
export function supportBucketOf(supportUntil: string | null, bounds: SupportBounds): SupportBucket {
  if (supportUntil === null || supportUntil === '') return 'unknown';
  if (supportUntil < bounds.today) return 'ended';
  if (supportUntil < bounds.in3m) return '3m';
  if (supportUntil < bounds.in6m) return '6m';
  if (supportUntil < bounds.in12m) return '12m';
  return 'later';
}

/**
 * Lower-cases ASCII letters only, as `lower()` does on SQLite and on PostgreSQL under the C
 * collation, so a search prefix folds exactly like the indexed expressions it is compared with.
 */
export function foldAsciiCase(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/**
 * The smallest text greater than every text starting with `prefix` (under code-point order):
 * `col >= prefix AND col < upper` is then exactly "starts with", and an index can serve it.
 */
export function prefixUpperBound(prefix: string): string {
  const points = [...prefix];
  while (points.length > 0) {
    const last = points.pop()!.codePointAt(0)!;
    // Skip the surrogate range and the very last code point: there is nothing directly above them.
    const next = last === 0xd7ff ? 0xe000 : last + 1;
    if (next <= 0x10ffff) return points.join('') + String.fromCodePoint(next);
  }
  return '\u{10ffff}';
}
