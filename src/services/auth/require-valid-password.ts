import { checkPassword } from '../../core/auth/password-policy';
import { DomainError } from '../../core/domain-error';

const REASONS = {
  too_short: 'must be at least 12 characters',
  too_long: 'must be at most 256 characters',
  common: 'is a common or factory-default password',
  contains_email: 'must not contain the e-mail address',
} as const;

/** Throws VALIDATION_FAILED naming the field and every rule the new password breaks. */
export function requireValidPassword(password: string, email: string, field = 'password'): void {
  const problems = checkPassword(password, { email });
  if (problems.length > 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `The password ${problems.map((problem) => REASONS[problem]).join('; ')}.`,
      problems.map((problem) => ({ field, reason: problem })),
    );
  }
}
