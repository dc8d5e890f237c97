import { DomainError } from '../domain-error';

/** True for a real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * Checks the days given with a record (`field` → YYYY-MM-DD or null): each a real day, and
 * `validUntil` not before `evidenceDate`. Throws VALIDATION_FAILED naming every bad field.
 */
export function checkDays(days: Readonly<Record<string, string | null | undefined>>): void {
  const problems = Object.entries(days)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && !isCalendarDay(entry[1]))
    .map(([field]) => ({ field, reason: 'is not a calendar day (YYYY-MM-DD)' }));
  const { evidenceDate, validUntil } = days;
  if (problems.length === 0 && evidenceDate && validUntil && validUntil < evidenceDate)
    problems.push({ field: 'validUntil', reason: 'is before evidenceDate' });
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'A date is not valid.', problems);
}
