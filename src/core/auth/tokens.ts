import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new random secret for a session cookie, CSRF token or invitation link (256 bits, base64url). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Personal API tokens carry a prefix so they are recognisable in logs and secret scanners. */
export const API_TOKEN_PREFIX = 'ioc_';

export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${newSecret()}`;
}

/** Secrets are stored only as their sha256; a database leak does not leak usable tokens. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Constant-time comparison of two strings (CSRF tokens). */
export function secretsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
