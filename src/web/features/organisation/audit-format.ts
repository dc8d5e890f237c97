// Pure helpers that turn a recorded audit entry into readable parts; the components render them.

/** One changed field of an entry: its value before and after (undefined where that side is absent). */
export interface ChangeRow {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The fields an entry's summary changed, in recorded order: for objects on both sides only the
 * fields whose values differ (a field present on one side only counts as changed); a summary that
 * is not a pair of objects becomes one row with an empty field name.
 */
export function changeRows(summary: unknown): ChangeRow[] {
  if (!isRecord(summary)) return [];
  const { before, after } = summary;
  if (before === undefined && after === undefined) return [];
  if ((before === undefined || isRecord(before)) && (after === undefined || isRecord(after))) {
    const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
    return fields
      .map((field) => ({ field, before: before?.[field], after: after?.[field] }))
      .filter((row) => JSON.stringify(row.before) !== JSON.stringify(row.after));
  }
  return [{ field: '', before, after }];
}

/** Recorded ids and hashes that say nothing to a reader: the target column names those things. */
const HIDDEN_FIELDS: ReadonlySet<string> = new Set([
  'assessmentId',
  'itemId',
  'systemId',
  'catalogHash',
  'copiedFrom',
  'subject',
]);

const isEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (isRecord(value) && Object.keys(value).length === 0);

/**
 * The rows worth showing: changeRows without internal ids, and for a creation (nothing before)
 * without the fields left empty.
 */
export function readableChangeRows(summary: unknown): ChangeRow[] {
  return changeRows(summary).filter(
    (row) => !HIDDEN_FIELDS.has(row.field) && !(row.before === undefined && isEmpty(row.after)),
  );
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** True for a recorded UTC timestamp, which is shown in the reader's time zone. */
export function isTimestamp(value: string): boolean {
  return ISO_TIME.test(value);
}

/** A recorded time in the reader's time zone, with the zone named (e.g. 2026/12/01 21:05:09 JST). */
export function formatLocalTime(iso: string, language: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

/** Values longer than this are folded behind a "show all" toggle. */
export const FOLD_AT = 80;
