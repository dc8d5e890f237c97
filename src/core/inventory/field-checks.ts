import type { ProblemDetail } from '../domain-error';
import { isCalendarDay } from '../evidence/evidence-dates';

// Small located checks shared by the provider, stakeholder, data-flow and settings rules.

/** Adds a problem when `value` is blank (after trimming) or longer than `max`. */
export function checkText(
  problems: ProblemDetail[],
  field: string,
  value: string,
  options: { max: number; required?: boolean },
): void {
  if (options.required && value.trim() === '') problems.push({ field, reason: 'is empty', code: 'blank' });
  else if (value.length > options.max)
    problems.push({
      field,
      reason: `at most ${options.max} characters`,
      code: 'max_length',
      params: { limit: options.max },
    });
}

/** Adds a problem when `value` is not one of `allowed`. */
export function checkChoice(problems: ProblemDetail[], field: string, value: string, allowed: readonly string[]): void {
  if (!allowed.includes(value))
    problems.push({
      field,
      reason: `one of ${allowed.join(', ')}`,
      code: 'not_allowed_value',
      params: { allowed: allowed.join(', ') },
    });
}

/** Adds a problem when `value` is given but is not a real YYYY-MM-DD day. */
export function checkDay(problems: ProblemDetail[], field: string, value: string | null): void {
  if (value !== null && !isCalendarDay(value))
    problems.push({ field, reason: 'not a day (YYYY-MM-DD)', code: 'not_a_date' });
}

/** Adds a problem when both days are given and `end` is before `start`. */
export function checkOrder(problems: ProblemDetail[], field: string, start: string | null, end: string | null): void {
  if (start !== null && end !== null && end < start)
    problems.push({ field, reason: 'ends before it starts', code: 'end_before_start' });
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** True for an ISO 3166-1 alpha-2 code the runtime knows (upper case), e.g. JP, US, DE. */
export function isCountryCode(value: string): boolean {
  // ZZ is the CLDR code for "unknown region"; codes the runtime cannot name come back unchanged.
  if (!/^[A-Z]{2}$/.test(value) || value === 'ZZ') return false;
  try {
    return regionNames.of(value) !== value;
  } catch {
    return false;
  }
}

/** Adds a problem when `value` is not a known country code. */
export function checkCountry(problems: ProblemDetail[], field: string, value: string): void {
  if (!isCountryCode(value))
    problems.push({ field, reason: 'not an ISO 3166-1 alpha-2 country code (e.g. JP)', code: 'bad_format' });
}
