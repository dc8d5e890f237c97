import { randomUUID } from 'node:crypto';
import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import { insertOrganisation, type Organisation } from '../../db/organisation.repository';
import { upsertMembership } from '../../db/organisation.repository';
import { countUsers, insertUser, normalizeEmail } from '../../db/user.repository';
import { recordAudit } from '../audit/record-audit';
import type { AccountDeps, RequestContext } from '../auth/account-deps';
import { requireValidPassword } from '../auth/require-valid-password';
import { slugify } from '../organisations/slugify';

export interface FirstOwnerInput {
  readonly email: string;
  readonly password: string;
  readonly displayName?: string;
  readonly organisationName: string;
}

/**
 * First run only: creates the first user as owner of a new organisation. Refuses once any user
 * exists, so there is never a default account or a second way in.
 */
export async function createFirstOwner(
  deps: AccountDeps,
  input: FirstOwnerInput & { actor: Actor; context?: RequestContext },
): Promise<{ userId: string; organisation: Organisation }> {
  const email = normalizeEmail(input.email);
  requireValidEmail(email);
  requireValidPassword(input.password, email);
  const passwordHash = await deps.passwords.hash(input.password);
  const now = deps.clock();
  const organisation: Organisation = {
    id: randomUUID(),
    slug: slugify(input.organisationName),
    name: input.organisationName.trim(),
    requireTotp: false,
    requireSeparateReviewer: false,
    createdAt: now.toISOString(),
  };
  const userId = randomUUID();
  await deps.database.db.transaction().execute(async (transaction) => {
    if ((await countUsers(transaction)) > 0)
      throw new DomainError('CONFLICT', 'iotcheck is already set up: sign in, or ask an administrator for an account.');
    await insertOrganisation(transaction, organisation);
    await insertUser(transaction, {
      id: userId,
      email,
      displayName: input.displayName?.trim() || email,
      passwordHash,
      mustChangePassword: false,
      now: now.toISOString(),
    });
    await upsertMembership(transaction, {
      organisationId: organisation.id,
      userId,
      role: 'owner',
      createdAt: now.toISOString(),
    });
    await recordAudit(transaction, input.actor, input.context, now, {
      organisationId: null,
      action: 'setup.first_owner',
      targetType: 'user',
      targetId: userId,
      after: { email },
    });
    await recordAudit(transaction, input.actor, input.context, now, {
      organisationId: organisation.id,
      action: 'organisation.create',
      targetType: 'organisation',
      targetId: organisation.id,
      after: { name: organisation.name, owner: email },
    });
  });
  return { userId, organisation };
}

/** A plausible address (one @, something on each side, a dot in the domain); we never send mail from here. */
export function requireValidEmail(email: string, field = 'email'): void {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
    throw new DomainError('VALIDATION_FAILED', 'The e-mail address is not valid.', [
      { field, reason: 'not an e-mail address' },
    ]);
  }
}
