import { randomUUID } from 'node:crypto';
import type { Role } from '../core/auth/roles';
import { hashSecret, newSecret } from '../core/auth/tokens';
import { insertOrganisation, upsertMembership } from '../db/organisation.repository';
import { insertSession } from '../db/session.repository';
import { insertUser } from '../db/user.repository';
import type { TestDatabase } from './test-database';

/** A signed-in user for route tests: its cookie header and CSRF token. */
export interface TestPrincipal {
  readonly userId: string;
  readonly email: string;
  readonly organisationId: string;
  session(): Promise<{ cookie: string; csrfToken: string }>;
}

/** Creates an organisation row directly (tests only). */
export async function seedOrganisation(database: TestDatabase, name: string): Promise<string> {
  const id = randomUUID();
  await insertOrganisation(database.db, {
    id,
    slug: `${name.toLowerCase()}-${id.slice(0, 6)}`,
    name,
    requireTotp: false,
    createdAt: new Date().toISOString(),
  });
  return id;
}

/**
 * A member with a role, whose sessions are written straight into the database: fresh for each
 * call, so one request signing out or changing a password does not disturb the next.
 */
export async function seedMember(
  database: TestDatabase,
  organisationId: string,
  role: Role,
  clock: () => Date = () => new Date(),
): Promise<TestPrincipal> {
  const userId = randomUUID();
  const email = `${role}-${userId.slice(0, 8)}@example.jp`;
  const now = clock().toISOString();
  await insertUser(database.db, {
    id: userId,
    email,
    displayName: role,
    passwordHash: null,
    mustChangePassword: false,
    now,
  });
  await upsertMembership(database.db, { organisationId, userId, role, createdAt: now });
  return {
    userId,
    email,
    organisationId,
    async session() {
      const token = newSecret();
      const csrfToken = newSecret();
      const at = clock();
      await insertSession(database.db, {
        tokenHash: hashSecret(token),
        userId,
        organisationId,
        csrfToken,
        secondFactorPending: false,
        createdAt: at.toISOString(),
        lastSeenAt: at.toISOString(),
        expiresAt: new Date(at.getTime() + 3_600_000).toISOString(),
        clientAddress: '127.0.0.1',
        authenticatedAt: at.toISOString(),
      });
      return { cookie: `iotcheck_session=${token}`, csrfToken };
    },
  };
}
