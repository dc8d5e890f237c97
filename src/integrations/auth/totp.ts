import { Secret, TOTP } from 'otpauth';

/** RFC 6238 codes: SHA-1, 6 digits, 30 s — what every authenticator app speaks. */
const PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secret: string, label: string): TOTP {
  return new TOTP({
    issuer: 'iotcheck',
    label,
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
  });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, label: string): string {
  return totpFor(secret, label).toString();
}

/** The time step a code belongs to (±1 step of clock drift), or undefined when it is wrong. */
export function matchTotpStep(secret: string, code: string, now: Date): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = totpFor(secret, 'check').validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? undefined : Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

/** The current code (tests and the CLI's self-check use it). */
export function currentTotpCode(secret: string, now: Date): string {
  return totpFor(secret, 'check').generate({ timestamp: now.getTime() });
}
