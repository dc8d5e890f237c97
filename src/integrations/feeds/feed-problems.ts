import { DomainError, type ProblemDetail, type ReasonCode } from '../../core/domain-error';

// Located problems of advisory and SBOM files (issue 13). Every importer collects what is wrong
// with a document as ProblemDetails (file, JSON or XML path, field, reason) and throws them at
// once, so a person fixes a file in one go instead of one error per attempt.

/** How many problems one error carries at most (a broken 2 GB feed must not make a 2 GB error). */
export const MAX_PROBLEMS = 100;

/** Collects the problems of one file. */
export class FeedProblems {
  readonly list: ProblemDetail[] = [];
  constructor(readonly file: string) {}

  add(
    path: string,
    field: string | undefined,
    reason: string,
    code: ReasonCode = 'invalid_value',
    params?: Record<string, string | number>,
  ): void {
    if (this.list.length >= MAX_PROBLEMS) return;
    this.list.push({
      file: this.file,
      path,
      ...(field !== undefined ? { field } : {}),
      reason,
      code,
      ...(params ? { params } : {}),
    });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** Throws VALIDATION_FAILED with every problem collected, if there is any. */
  throwIfAny(what: string): void {
    if (!this.empty) throw feedError(this.file, what, this.list);
  }
}

/** The error for an invalid feed or SBOM file: VALIDATION_FAILED with located details. */
export function feedError(file: string, what: string, details: readonly ProblemDetail[]): DomainError {
  const count = details.length;
  return new DomainError('VALIDATION_FAILED', `${file}: ${what} (${count} problem${count === 1 ? '' : 's'})`, details);
}

/** One problem, thrown at once (a file that cannot be read at all). */
export function fileProblem(file: string, reason: string, code: ReasonCode = 'invalid_value', path = '$'): DomainError {
  return feedError(file, reason, [{ file, path, reason, code }]);
}

/** JSON path of an array element or member: `$.a[3].b`. */
export function jsonPath(base: string, key: string | number): string {
  return typeof key === 'number'
    ? `${base}[${key}]`
    : /^[A-Za-z_$][\w$]*$/.test(key)
      ? `${base}.${key}`
      : `${base}[${JSON.stringify(key)}]`;
}

/** A plain object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-blank string, trimmed; undefined otherwise. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The elements of an array, or [] when the value is not one. */
export function array(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
