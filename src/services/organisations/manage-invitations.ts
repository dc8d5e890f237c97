import { randomUUID } from 'node:crypto';
import { isUserActor, userActor, type Actor } from '../../core/auth/actor';
import { canActOnMember, canGrantRole, type Role } from '../../core/auth/roles';
import { hashSecret, newSecret } from '../../core/auth/tokens';
import { DomainError } from '../../core/domain-error';
import { findMembership, findOrganisation, upsertMembership } from '../../db/organisation.repository';
import { findUserByEmail, insertUser, normalizeEmail } from '../../db/user.repository';
import { recordAudit } from '../audit/record-audit';
import type { AccountDeps, RequestContext } from '../auth/account-deps';
import { requireValidPassword } from '../auth/require-valid-password';
import { requireValidEmail } from '../accounts/create-first-owner';
import { requireOrganisation } from '../accounts/require-user';

export const MAX_INVITATION_DAYS = 30;

/** Invites an e-mail address into the current organisation; the link (secret) is returned once. */
export async function createInvitation(
  deps: AccountDeps,
  input: { actor: Actor; email: string; role: Role; expiresInDays: number; context?: RequestContext },
): Promise<{ token: string; expiresAt: string }> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const email = normalizeEmail(input.email);
  requireValidEmail(email);
  const granter = actor.via === 'cli' ? 'owner' : (actor.role ?? 'viewer');
  if (!canActOnMember(granter, input.role)) throw new DomainError('OWNER_ONLY', 'Only an owner can invite an owner.');
  if (!canGrantRole(granter, input.role)) throw new DomainError('FORBIDDEN', 'Your role cannot grant that role.');
  if (!Number.isInteger(input.expiresInDays) || input.expiresInDays < 1 || input.expiresInDays > MAX_INVITATION_DAYS) {
    throw new DomainError('VALIDATION_FAILED', `An invitation expires after 1–${MAX_INVITATION_DAYS} days.`, [
      { field: 'expiresInDays', reason: 'out of range' },
    ]);
  }
  const now = deps.clock();
  const token = newSecret();
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString();
  await deps.database.db.transaction().execute(async (transaction) => {
    await transaction
      .insertInto('invitation')
      .values({
        id,
        organisation_id: organisationId,
        email,
        role: input.role,
        token_hash: hashSecret(token),
        created_by: actor.userId,
        created_at: now.toISOString(),
        expires_at: expiresAt,
        accepted_at: null,
      })
      .execute();
    await recordAudit(transaction, actor, input.context, now, {
      organisationId,
      action: 'invitation.create',
      targetType: 'invitation',
      targetId: id,
      after: { email, role: input.role, expiresAt },
    });
  });
  return { token, expiresAt };
}

async function findOpenInvitation(deps: AccountDeps, token: string) {
  const row = await deps.database.db
    .selectFrom('invitation')
    .selectAll()
    .where('token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  if (!row || row.accepted_at || new Date(row.expires_at) <= deps.clock())
    throw new DomainError('NOT_FOUND', 'This invitation is unknown, used or expired.');
  return row;
}

/** What an invitation link offers, for the acceptance page. */
export async function viewInvitation(deps: AccountDeps, input: { token: string }) {
  const invitation = await findOpenInvitation(deps, input.token);
  const organisation = await findOrganisation(deps.database.db, invitation.organisation_id);
  // Whether the address has an account is not told: the link may reach someone other than its owner.
  return {
    email: invitation.email,
    role: invitation.role as Role,
    organisationName: organisation?.name ?? '',
    expiresAt: invitation.expires_at,
  };
}

/**
 * Accepts an invitation. A new address creates its account with the given password; an existing
 * account must be the one signed in. Either way the membership is added and the link is used up.
 */
export async function acceptInvitation(
  deps: AccountDeps,
  input: { actor: Actor; token: string; password?: string; displayName?: string; context?: RequestContext },
): Promise<{ userId: string }> {
  const invitation = await findOpenInvitation(deps, input.token);
  const existing = await findUserByEmail(deps.database.db, invitation.email);
  if (existing && (!isUserActor(input.actor) || input.actor.userId !== existing.id)) {
    throw new DomainError('UNAUTHENTICATED', 'Sign in as the invited address to accept.');
  }
  let passwordHash: string | undefined;
  if (!existing) {
    requireValidPassword(input.password ?? '', invitation.email);
    passwordHash = await deps.passwords.hash(input.password ?? '');
  }
  const now = deps.clock();
  const userId = existing?.id ?? randomUUID();
  await deps.database.db.transaction().execute(async (transaction) => {
    const used = await transaction
      .updateTable('invitation')
      .set({ accepted_at: now.toISOString() })
      .where('id', '=', invitation.id)
      .where('accepted_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw new DomainError('CONFLICT', 'This invitation was just used.');
    if (!existing)
      await insertUser(transaction, {
        id: userId,
        email: invitation.email,
        displayName: input.displayName?.trim() || invitation.email,
        passwordHash: passwordHash ?? null,
        mustChangePassword: false,
        now: now.toISOString(),
      });
    const current = await findMembership(transaction, invitation.organisation_id, userId);
    if (!current)
      await upsertMembership(transaction, {
        organisationId: invitation.organisation_id,
        userId,
        role: invitation.role as Role,
        createdAt: now.toISOString(),
      });
    const actor = userActor({
      userId,
      email: invitation.email,
      organisationId: invitation.organisation_id,
      role: null,
      via: 'session',
      mustChangePassword: false,
    });
    await recordAudit(transaction, actor, input.context, now, {
      organisationId: invitation.organisation_id,
      action: 'invitation.accept',
      targetType: 'invitation',
      targetId: invitation.id,
      after: { userId, role: current ?? invitation.role },
    });
  });
  return { userId };
}
