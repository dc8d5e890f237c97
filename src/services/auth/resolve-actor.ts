import { userActor, type UserActor } from '../../core/auth/actor';
import { capRole } from '../../core/auth/roles';
import { API_TOKEN_PREFIX, hashSecret } from '../../core/auth/tokens';
import { findApiTokenByHash, markApiTokenUsed } from '../../db/api-token.repository';
import { findMembership, findOrganisation } from '../../db/organisation.repository';
import { deleteSession, findSession, touchSession, type SessionRecord } from '../../db/session.repository';
import { findUserById, type UserRecord } from '../../db/user.repository';
import { SESSION_IDLE_MS, type AccountDeps } from './account-deps';

/** A resolved session: the actor, and what the edge needs to keep the session (CSRF token). */
export interface SessionActor {
  readonly actor: UserActor;
  readonly session: SessionRecord;
  /** The organisation requires TOTP and this user has not enrolled yet: no role until they do. */
  readonly totpEnrolmentRequired: boolean;
}

/**
 * Turns a session cookie into an actor, or undefined when it is unknown, expired (idle or
 * absolute), waiting for its second factor, or its user is disabled. Expired sessions are deleted.
 */
export async function resolveSession(deps: AccountDeps, sessionToken: string): Promise<SessionActor | undefined> {
  const now = deps.clock();
  const tokenHash = hashSecret(sessionToken);
  const session = await findSession(deps.database.db, tokenHash);
  if (!session) return undefined;
  const idleExpired = now.getTime() - new Date(session.lastSeenAt).getTime() > SESSION_IDLE_MS;
  if (idleExpired || new Date(session.expiresAt) <= now) {
    await deleteSession(deps.database.db, tokenHash);
    return undefined;
  }
  if (session.secondFactorPending) return undefined;
  const user = await findUserById(deps.database.db, session.userId);
  if (!user || user.disabled) return undefined;
  // Writing last_seen_at on every request would serialise reads on SQLite; once a minute is enough.
  if (now.getTime() - new Date(session.lastSeenAt).getTime() > 60_000)
    await touchSession(deps.database.db, tokenHash, now.toISOString());
  const { role, totpEnrolmentRequired } = await roleIn(deps, user, session.organisationId);
  return {
    actor: userActor({
      userId: user.id,
      email: user.email,
      organisationId: session.organisationId,
      role,
      via: 'session',
      mustChangePassword: user.mustChangePassword,
      authenticatedAt: session.authenticatedAt,
    }),
    session,
    totpEnrolmentRequired,
  };
}

/** Turns `Authorization: Bearer ioc_…` into an actor scoped to the token's organisation and ceiling. */
export async function resolveApiToken(deps: AccountDeps, token: string): Promise<UserActor | undefined> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
  const now = deps.clock();
  const record = await findApiTokenByHash(deps.database.db, hashSecret(token));
  if (!record || record.revokedAt || new Date(record.expiresAt) <= now) return undefined;
  const user = await findUserById(deps.database.db, record.userId);
  if (!user || user.disabled) return undefined;
  const { role } = await roleIn(deps, user, record.organisationId);
  if (!record.lastUsedAt || now.getTime() - new Date(record.lastUsedAt).getTime() > 60_000)
    await markApiTokenUsed(deps.database.db, record.id, now.toISOString());
  return userActor({
    userId: user.id,
    email: user.email,
    organisationId: record.organisationId,
    role: role ? capRole(role, record.roleCeiling) : null,
    via: 'token',
    mustChangePassword: user.mustChangePassword,
  });
}

async function roleIn(deps: AccountDeps, user: UserRecord, organisationId: string | null) {
  if (!organisationId) return { role: null, totpEnrolmentRequired: false };
  const [role, organisation] = await Promise.all([
    findMembership(deps.database.db, organisationId, user.id),
    findOrganisation(deps.database.db, organisationId),
  ]);
  const totpEnrolmentRequired = Boolean(role && organisation?.requireTotp && !user.totpEnabled);
  return { role: totpEnrolmentRequired ? null : (role ?? null), totpEnrolmentRequired };
}
