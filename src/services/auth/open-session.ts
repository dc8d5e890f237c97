import type { Transaction } from 'kysely';
import { hashSecret, newSecret } from '../../core/auth/tokens';
import type { DatabaseSchema } from '../../db/database';
import { listOrganisationsOfUser } from '../../db/organisation.repository';
import { deleteSession, insertSession } from '../../db/session.repository';
import { PENDING_SESSION_MS, SESSION_ABSOLUTE_MS, type RequestContext } from './account-deps';

export interface OpenedSession {
  /** The cookie value; only its hash is stored. */
  readonly sessionToken: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
  readonly secondFactorRequired: boolean;
}

/**
 * Starts a new server-side session inside the caller's transaction (password or SSO sign-in).
 * A session cookie presented at sign-in is deleted: sessions are rotated, never upgraded.
 */
export async function openSession(
  transaction: Transaction<DatabaseSchema>,
  input: {
    userId: string;
    secondFactorPending: boolean;
    previousSessionToken?: string;
    now: Date;
    context: RequestContext;
  },
): Promise<OpenedSession> {
  const sessionToken = newSecret();
  const csrfToken = newSecret();
  // A session waiting for its second factor lives only minutes; it gets its full lifetime once complete.
  const expiresAt = new Date(
    input.now.getTime() + (input.secondFactorPending ? PENDING_SESSION_MS : SESSION_ABSOLUTE_MS),
  );
  const organisations = await listOrganisationsOfUser(transaction, input.userId);
  if (input.previousSessionToken) await deleteSession(transaction, hashSecret(input.previousSessionToken));
  await insertSession(transaction, {
    tokenHash: hashSecret(sessionToken),
    userId: input.userId,
    organisationId: organisations[0]?.id ?? null,
    csrfToken,
    secondFactorPending: input.secondFactorPending,
    createdAt: input.now.toISOString(),
    lastSeenAt: input.now.toISOString(),
    expiresAt: expiresAt.toISOString(),
    clientAddress: input.context.clientAddress,
    authenticatedAt: input.secondFactorPending ? null : input.now.toISOString(),
  });
  return { sessionToken, csrfToken, expiresAt, secondFactorRequired: input.secondFactorPending };
}
