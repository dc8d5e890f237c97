import { COMMON_PASSWORDS } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

const COMMON = new Set(COMMON_PASSWORDS);

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_email';

/**
 * True for a listed password and its lazy variants: repeated ("adminadminadmin"), padded with
 * digits or symbols ("password123456!"), or one character or a digit run repeated.
 */
export function isCommonPassword(password: string): boolean {
  const folded = password.normalize('NFKC').toLowerCase();
  if (COMMON.has(folded)) return true;
  const core = folded.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  if (core === '' || COMMON.has(core)) return true;
  for (const word of [core, folded]) {
    for (let size = 1; size <= word.length / 2; size += 1) {
      if (word.length % size === 0 && word.slice(0, size).repeat(word.length / size) === word) return true;
    }
  }
  return /^(?:0123456789|1234567890|9876543210)+\d*$/.test(folded);
}

/** Everything wrong with a new password; empty when it may be used. */
export function checkPassword(password: string, context: { email?: string } = {}): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) problems.push('too_short');
  if (length > MAX_PASSWORD_LENGTH) problems.push('too_long');
  if (isCommonPassword(password)) problems.push('common');
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) problems.push('contains_email');
  return problems;
}
