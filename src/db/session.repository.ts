import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './database';

/** A server-side login session, found by the sha256 of its cookie value. */
export interface SessionRecord {
  readonly tokenHash: string;
  readonly userId: string;
  readonly organisationId: string | null;
  readonly csrfToken: string;
  readonly secondFactorPending: boolean;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
  readonly clientAddress: string;
  /** When the session last proved the password (and second factor); null while pending. */
  readonly authenticatedAt: string | null;
  readonly secondFactorFailures?: number;
}

type Db = Kysely<DatabaseSchema>;

export async function insertSession(db: Db, session: SessionRecord): Promise<void> {
  await db
    .insertInto('user_session')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      organisation_id: session.organisationId,
      csrf_token: session.csrfToken,
      second_factor_pending: session.secondFactorPending ? 1 : 0,
      created_at: session.createdAt,
      last_seen_at: session.lastSeenAt,
      expires_at: session.expiresAt,
      client_address: session.clientAddress,
      authenticated_at: session.authenticatedAt,
      second_factor_failures: 0,
    })
    .execute();
}

export async function findSession(db: Db, tokenHash: string): Promise<SessionRecord | undefined> {
  const row = await db.selectFrom('user_session').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  return row
    ? {
        tokenHash: row.token_hash,
        userId: row.user_id,
        organisationId: row.organisation_id,
        csrfToken: row.csrf_token,
        secondFactorPending: row.second_factor_pending === 1,
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at,
        expiresAt: row.expires_at,
        clientAddress: row.client_address,
        authenticatedAt: row.authenticated_at,
        secondFactorFailures: Number(row.second_factor_failures),
      }
    : undefined;
}

export async function touchSession(db: Db, tokenHash: string, lastSeenAt: string): Promise<void> {
  await db.updateTable('user_session').set({ last_seen_at: lastSeenAt }).where('token_hash', '=', tokenHash).execute();
}

export async function setSessionOrganisation(db: Db, tokenHash: string, organisationId: string): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ organisation_id: organisationId })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of a user (password reset or change), optionally keeping one. */
export async function deleteSessionsOfUser(db: Db, userId: string, keepTokenHash?: string): Promise<void> {
  let query = db.deleteFrom('user_session').where('user_id', '=', userId);
  if (keepTokenHash) query = query.where('token_hash', '!=', keepTokenHash);
  await query.execute();
}

/** Marks that the session has just proved the password again (re-authentication). */
export async function markSessionAuthenticated(db: Db, tokenHash: string, at: string): Promise<void> {
  await db.updateTable('user_session').set({ authenticated_at: at }).where('token_hash', '=', tokenHash).execute();
}

/**
 * Counts one second-factor attempt on a pending, unexpired session that has fewer than `limit`
 * failures, in one statement (so parallel guesses cannot overrun the limit). False when the
 * session cannot take another attempt.
 */
export async function claimSecondFactorAttempt(
  db: Db,
  tokenHash: string,
  limit: number,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('user_session')
    .set((eb) => ({ second_factor_failures: eb('second_factor_failures', '+', 1) }))
    .where('token_hash', '=', tokenHash)
    .where('second_factor_pending', '=', 1)
    .where('second_factor_failures', '<', limit)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The second factor matched: the session becomes a full one, authenticated now, with its full lifetime. */
export async function completeSecondFactorOfSession(
  db: Db,
  tokenHash: string,
  change: { now: string; expiresAt: string },
): Promise<void> {
  await db
    .updateTable('user_session')
    .set({
      second_factor_pending: 0,
      second_factor_failures: 0,
      authenticated_at: change.now,
      last_seen_at: change.now,
      expires_at: change.expiresAt,
    })
    .where('token_hash', '=', tokenHash)
    .execute();
}
