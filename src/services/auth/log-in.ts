import { ANONYMOUS, userActor } from '../../core/auth/actor';
import { FREE_FAILURES, lockSecondsAfter } from '../../core/auth/login-throttle';
import { newSecret } from '../../core/auth/tokens';
import { DomainError } from '../../core/domain-error';
import type { Database } from '../../db/database';
import { clearThrottle, readThrottle, writeThrottle } from '../../db/login-throttle.repository';
import { findUserByEmail, normalizeEmail } from '../../db/user.repository';
import { recordAudit } from '../audit/record-audit';
import type { AccountDeps, RequestContext } from './account-deps';
import { openSession, type OpenedSession } from './open-session';

export type LoginResult = OpenedSession;

const INVALID = 'The e-mail address or password is wrong.';
/** Failure counts older than this no longer count against a client address. */
const ADDRESS_WINDOW_MS = 15 * 60 * 1000;

let dummyHash: Promise<string> | undefined;

/**
 * Password login. Unknown e-mail addresses cost the same argon2 work as known ones, and both
 * fail with the same message; throttling is keyed by the typed address, existing or not, so
 * neither the answer nor the lock tells whether an account exists.
 */
export async function logIn(
  deps: AccountDeps,
  input: { email: string; password: string; previousSessionToken?: string; context: RequestContext },
): Promise<LoginResult> {
  const now = deps.clock();
  const email = normalizeEmail(input.email);
  const accountKey = `account:${email}`;
  const addressKey = `address:${input.context.clientAddress}`;
  await refuseWhileLocked(deps.database, [accountKey, addressKey], now);

  const user = await findUserByEmail(deps.database.db, email);
  dummyHash ??= deps.passwords.hash(newSecret());
  const usable = user && user.passwordHash && !user.disabled ? user.passwordHash : await dummyHash;
  const valid = (await deps.passwords.verify(usable, input.password)) && usable !== (await dummyHash);
  if (!user || !valid) {
    await recordFailure(deps, accountKey, FREE_FAILURES.account, now, email, input.context);
    await recordFailure(deps, addressKey, FREE_FAILURES.address, now, email, input.context);
    throw new DomainError('UNAUTHENTICATED', INVALID);
  }

  return deps.database.db.transaction().execute(async (transaction) => {
    await clearThrottle(transaction, accountKey);
    const session = await openSession(transaction, {
      userId: user.id,
      secondFactorPending: user.totpEnabled,
      ...(input.previousSessionToken ? { previousSessionToken: input.previousSessionToken } : {}),
      now,
      context: input.context,
    });
    const actor = userActor({
      userId: user.id,
      email,
      organisationId: null,
      role: null,
      via: 'session',
      mustChangePassword: user.mustChangePassword,
    });
    await recordAudit(transaction, actor, input.context, now, {
      organisationId: null,
      action: user.totpEnabled ? 'auth.password_ok' : 'auth.login',
      targetType: 'user',
      targetId: user.id,
    });
    return session;
  });
}

async function refuseWhileLocked(database: Database, keys: readonly string[], now: Date): Promise<void> {
  for (const key of keys) {
    const state = await readThrottle(database.db, key);
    if (state.lockedUntil && new Date(state.lockedUntil) > now) {
      const seconds = Math.ceil((new Date(state.lockedUntil).getTime() - now.getTime()) / 1000);
      throw new DomainError('RATE_LIMITED', `Too many failed sign-ins. Try again in ${seconds} s.`, [
        { field: 'retryAfterSeconds', reason: String(seconds) },
      ]);
    }
  }
}

async function recordFailure(
  deps: AccountDeps,
  key: string,
  freeFailures: number,
  now: Date,
  email: string,
  context: RequestContext,
): Promise<void> {
  await deps.database.db.transaction().execute(async (transaction) => {
    const state = await readThrottle(transaction, key);
    const stale =
      key.startsWith('address:') &&
      state.lockedUntil === null &&
      state.updatedAt !== undefined &&
      now.getTime() - new Date(state.updatedAt).getTime() > ADDRESS_WINDOW_MS;
    const failures = (stale ? 0 : state.failures) + 1;
    const lockSeconds = lockSecondsAfter(failures, freeFailures);
    const lockedUntil = lockSeconds > 0 ? new Date(now.getTime() + lockSeconds * 1000).toISOString() : null;
    await writeThrottle(transaction, key, { failures, lockedUntil }, now.toISOString());
    if (lockSeconds > 0 && failures === freeFailures) {
      await recordAudit(transaction, ANONYMOUS, context, now, {
        organisationId: null,
        action: 'auth.locked',
        targetType: key.split(':')[0] ?? 'key',
        targetId: key.startsWith('account:') ? email : context.clientAddress,
      });
    }
  });
}
