import { randomInt } from 'node:crypto';
import { hashSecret } from './tokens';

/** How many one-time recovery codes an account gets at TOTP enrolment (and on each regeneration). */
export const RECOVERY_CODE_COUNT = 10;

// No 0/o, 1/l/i: the codes are read off paper and typed by hand.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A new recovery code, `xxxx-xxxx-xxxx` (12 characters of 31 ≈ 59 bits). */
export function newRecoveryCode(): string {
  const characters = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${characters.slice(0, 4)}-${characters.slice(4, 8)}-${characters.slice(8)}`;
}

/** True when what was typed has the shape of a recovery code rather than a 6-digit TOTP code. */
export function looksLikeRecoveryCode(typed: string): boolean {
  return normaliseRecoveryCode(typed).length === 12;
}

/** Lower case, without spaces and dashes, so `ABCD EFGH-JKMN` and `abcd-efgh-jkmn` are the same code. */
export function normaliseRecoveryCode(typed: string): string {
  return typed.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** What is stored: the sha256 of the user and the normalised code (the code itself never is). */
export function hashRecoveryCode(userId: string, typed: string): string {
  return hashSecret(`${userId}:${normaliseRecoveryCode(typed)}`);
}
