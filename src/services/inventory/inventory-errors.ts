import { DomainError, type ProblemDetail } from '../../core/domain-error';

/** NOT_FOUND for a record of another organisation or none at all (the two look the same). */
export function notFound(what: string): DomainError {
  return new DomainError('NOT_FOUND', `No such ${what} in this organisation.`);
}

/** CONFLICT carrying the stored record as `current` (HTTP 409), for a stale version. */
export function staleVersion(what: string, storedVersion: number, current: unknown): DomainError {
  return new DomainError(
    'CONFLICT',
    `Someone else changed this ${what} first; here is what is stored now.`,
    [{ field: 'version', reason: `stored version is ${storedVersion}` }],
    { current },
  );
}

/** VALIDATION_FAILED naming every problem, unless there are none. */
export function throwIfInvalid(what: string, problems: readonly ProblemDetail[]): void {
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', `The ${what} is not valid.`, problems);
}
