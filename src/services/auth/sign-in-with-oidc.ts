import { userActor } from '../../core/auth/actor';
import { randomUUID } from 'node:crypto';
import type { Role } from '../../core/auth/roles';
import { DomainError } from '../../core/domain-error';
import { findOrganisation, findOrganisationBySlug, upsertMembership } from '../../db/organisation.repository';
import { findUserByEmail, insertUser, normalizeEmail } from '../../db/user.repository';
import { recordAudit } from '../audit/record-audit';
import type { AccountDeps, RequestContext } from './account-deps';
import { openSession, type OpenedSession } from './open-session';

/** What the identity provider vouched for, after the code exchange and ID token checks. */
export interface OidcIdentity {
  readonly subject: string;
  readonly email: string | undefined;
  readonly emailVerified: boolean;
  readonly name: string | undefined;
}

/**
 * Signs in a user the identity provider vouched for, matched by verified e-mail. An unknown
 * address gets an account without a password, joining the configured organisation with the
 * configured role (never owner), or none — then they see nothing until invited.
 * The provider is responsible for the second factor of these sign-ins.
 */
export async function signInWithOidc(
  deps: AccountDeps,
  input: {
    identity: OidcIdentity;
    provisioning: { organisation: string | undefined; role: Exclude<Role, 'owner'> };
    previousSessionToken?: string;
    context: RequestContext;
  },
): Promise<OpenedSession> {
  const { identity } = input;
  if (!identity.email || !identity.emailVerified)
    throw new DomainError(
      'UNAUTHENTICATED',
      'The identity provider did not confirm an e-mail address for this account.',
    );
  const email = normalizeEmail(identity.email);
  const now = deps.clock();
  const existing = await findUserByEmail(deps.database.db, email);
  if (existing?.disabled) throw new DomainError('UNAUTHENTICATED', 'This account is disabled.');
  const organisation = input.provisioning.organisation
    ? ((await findOrganisation(deps.database.db, input.provisioning.organisation)) ??
      (await findOrganisationBySlug(deps.database.db, input.provisioning.organisation)))
    : undefined;
  return deps.database.db.transaction().execute(async (transaction) => {
    const userId = existing?.id ?? randomUUID();
    const actor = userActor({
      userId,
      email,
      organisationId: null,
      role: null,
      via: 'session',
      mustChangePassword: false,
    });
    if (!existing) {
      await insertUser(transaction, {
        id: userId,
        email,
        displayName: identity.name?.trim() || email,
        passwordHash: null,
        mustChangePassword: false,
        now: now.toISOString(),
      });
      if (organisation)
        await upsertMembership(transaction, {
          organisationId: organisation.id,
          userId,
          role: input.provisioning.role,
          createdAt: now.toISOString(),
        });
      await recordAudit(transaction, actor, input.context, now, {
        organisationId: organisation?.id ?? null,
        action: 'user.provision',
        targetType: 'user',
        targetId: userId,
        after: { email, via: 'oidc', subject: identity.subject, role: organisation ? input.provisioning.role : null },
      });
    }
    const session = await openSession(transaction, {
      userId,
      secondFactorPending: false,
      ...(input.previousSessionToken ? { previousSessionToken: input.previousSessionToken } : {}),
      now,
      context: input.context,
    });
    await recordAudit(transaction, actor, input.context, now, {
      organisationId: null,
      action: 'auth.login',
      targetType: 'user',
      targetId: userId,
      after: { method: 'oidc' },
    });
    return session;
  });
}
