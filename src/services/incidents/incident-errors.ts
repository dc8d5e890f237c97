import { DomainError, type ProblemDetail } from '../../core/domain-error';

/** NOT_FOUND for an incident or playbook of another organisation or none at all (the two look the same). */
export function incidentNotFound(what: 'incident' | 'playbook' = 'incident'): DomainError {
  return new DomainError('NOT_FOUND', `No such ${what} in this organisation.`);
}

/** CONFLICT carrying the stored record as `current` (HTTP 409): a stale version or a move not allowed now. */
export function incidentConflict(message: string, detail: ProblemDetail, current: unknown): DomainError {
  return new DomainError('CONFLICT', message, [detail], { current });
}

/** VALIDATION_FAILED naming every problem, unless there are none. */
export function throwIfInvalid(what: string, problems: readonly ProblemDetail[]): void {
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', `The ${what} is not valid.`, problems);
}

/** A moment from a request as stored UTC text, or a located problem. */
export function parseMoment(value: string, field: string, problems: ProblemDetail[]): string | null {
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    problems.push({ field, reason: 'must be an ISO-8601 date-time with a zone', code: 'bad_format' });
    return null;
  }
  return new Date(time).toISOString();
}
