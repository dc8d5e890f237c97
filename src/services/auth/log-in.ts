import { userActor } from '../../core/auth/actor';
import { FREE_FAILURES } from '../../core/auth/login-throttle';
import { newSecret } from '../../core/auth/tokens';
import { DomainError } from '../../core/domain-error';
import { findUserByEmail, normalizeEmail, type UserRecord } from '../../db/user.repository';
import { recordAudit } from '../audit/record-audit';
import type { AccountDeps, RequestContext } from './account-deps';
import { openSession, type OpenedSession } from './open-session';
import { claimThrottledAttempt, settleSuccessfulAttempt, type ThrottleKey } from './throttled-attempt';

export type LoginResult = OpenedSession;

const INVALID = 'The e-mail address or password is wrong.';
/** Failure counts older than this no longer count against a client address. */
const ADDRESS_WINDOW_MS = 15 * 60 * 1000;

let dummyHash: Promise<string> | undefined;

/**
 * Password login. Unknown e-mail addresses cost the same argon2 work as known ones, and both
 * fail with the same message; throttling is keyed by the typed address, existing or not, so
 * neither the answer nor the lock tells whether an account exists. The attempt is counted and the
 * locks checked in one locked step BEFORE the hash comparison, so parallel guesses cannot race it.
 */
export async function logIn(
  deps: AccountDeps,
  input: { email: string; password: string; previousSessionToken?: string; context: RequestContext },
): Promise<LoginResult> {
  const now = deps.clock();
  const email = normalizeEmail(input.email);
  const keys = passwordThrottleKeys(email, input.context);
  await claimThrottledAttempt(deps, keys, input.context);

  const user = await findUserByEmail(deps.database.db, email);
  // Always hash, even for an unknown address: the time taken must not tell whether it exists.
  const valid = await verifyPassword(deps, user, input.password);
  if (!user || !valid) throw new DomainError('UNAUTHENTICATED', INVALID);
  await settleSuccessfulAttempt(deps, keys);

  return deps.database.db.transaction().execute(async (transaction) => {
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

/** The keys a password guess counts against: the typed address (existing or not) and the client. */
export function passwordThrottleKeys(email: string, context: RequestContext): ThrottleKey[] {
  return [
    {
      key: `account:${email}`,
      freeFailures: FREE_FAILURES.account,
      auditTarget: { type: 'account', id: email },
      clearOnSuccess: true,
    },
    {
      key: `address:${context.clientAddress}`,
      freeFailures: FREE_FAILURES.address,
      windowMs: ADDRESS_WINDOW_MS,
      auditTarget: { type: 'address', id: context.clientAddress },
      clearOnSuccess: false,
    },
  ];
}

/**
 * Compares a password with the account's hash; unknown, disabled and password-less accounts cost
 * the same argon2 work as real ones and are never valid.
 */
export async function verifyPassword(
  deps: AccountDeps,
  user: UserRecord | undefined,
  password: string,
): Promise<boolean> {
  dummyHash ??= deps.passwords.hash(newSecret());
  const usable = user && user.passwordHash && !user.disabled ? user.passwordHash : await dummyHash;
  return (await deps.passwords.verify(usable, password)) && usable !== (await dummyHash);
}
