import { DomainError, type ProblemDetail } from '../domain-error';
import { BUILT_IN_CREDENTIALS } from './default-credentials';

/** A user/password pair to try. The password lives only in memory for the attempt. */
export interface Credential {
  readonly user: string;
  readonly password: string;
}

/** How many attempts a credential check may make on one service. */
export interface AttemptLimits {
  /** Attempts per account (user name) and service: devices lock accounts after a few failures. */
  readonly maxPerAccount: number;
  /** Attempts per service in all. */
  readonly maxPerService: number;
}

export const DEFAULT_ATTEMPT_LIMITS: AttemptLimits = { maxPerAccount: 5, maxPerService: 30 };

/**
 * The ordered list of attempts for one service: the admin's pairs first, then the built-in list
 * (unless `builtIn` is false), without repeated pairs, cut at the per-account and per-service
 * limits. The caller stops at the first success.
 */
export function planCredentialAttempts(
  adminSupplied: readonly Credential[] = [],
  limits: AttemptLimits = DEFAULT_ATTEMPT_LIMITS,
  builtIn = true,
): Credential[] {
  const candidates = [
    ...adminSupplied,
    ...(builtIn ? BUILT_IN_CREDENTIALS.map(([user, password]) => ({ user, password })) : []),
  ];
  const seen = new Set<string>();
  const perAccount = new Map<string, number>();
  const attempts: Credential[] = [];
  for (const candidate of candidates) {
    const key = `${candidate.user}\u0000${candidate.password}`;
    const used = perAccount.get(candidate.user) ?? 0;
    if (seen.has(key) || used >= limits.maxPerAccount) continue;
    seen.add(key);
    perAccount.set(candidate.user, used + 1);
    attempts.push(candidate);
    if (attempts.length >= limits.maxPerService) break;
  }
  return attempts;
}

/**
 * Validates an admin-supplied list (non-empty user ≤ 64 characters, password ≤ 128, at most 200
 * pairs). Errors name the row but never echo the password.
 */
export function validateCredentialList(list: readonly Credential[], field = 'credentials'): Credential[] {
  const problems: ProblemDetail[] = [];
  if (list.length > 200)
    problems.push({ field, reason: 'at most 200 pairs', code: 'max_length', params: { max: 200 } });
  list.forEach((credential, index) => {
    if (typeof credential.user !== 'string' || credential.user.trim() === '' || credential.user.length > 64) {
      problems.push({
        field,
        path: `${field}[${index}].user`,
        reason: 'a user name of 1 to 64 characters',
        code: 'invalid_value',
      });
    }
    if (typeof credential.password !== 'string' || credential.password.length > 128) {
      problems.push({
        field,
        path: `${field}[${index}].password`,
        reason: 'a password of at most 128 characters',
        code: 'invalid_value',
      });
    }
  });
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'The credential list is not valid.', problems);
  return list.map(({ user, password }) => ({ user, password }));
}
