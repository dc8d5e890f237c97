import { DomainError } from '../domain-error';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Normalises a user's date or time filter to the stored form (UTC ISO with milliseconds), so
 * text comparison orders it correctly. A date alone as an upper bound includes that whole day.
 */
export function parseTimeBound(value: string, field: string, isUpperBound: boolean): string {
  const time =
    (DATE_ONLY.test(value) || DATE_TIME.test(value)) && isRealDay(value.slice(0, 10)) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) {
    throw new DomainError('VALIDATION_FAILED', `"${value}" is not an ISO 8601 date or time.`, [
      { field, reason: 'must look like 2026-11-22 or 2026-11-22T09:00:00Z' },
    ]);
  }
  const dayAfter = isUpperBound && DATE_ONLY.test(value) ? 24 * 60 * 60 * 1000 : 0;
  return new Date(time + dayAfter).toISOString();
}

/** Date.parse rolls 2026-02-30 over to March; a bound the user mistyped must be refused instead. */
function isRealDay(day: string): boolean {
  const time = Date.parse(day);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day;
}
