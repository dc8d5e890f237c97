import type { Actor } from '../../core/auth/actor';
import { canActOnMember, canGrantRole, type Role } from '../../core/auth/roles';
import { DomainError } from '../../core/domain-error';
import {
  countOwners,
  deleteMembership,
  findMembership,
  listMembers,
  upsertMembership,
  type Member,
} from '../../db/organisation.repository';
import { findUserByEmail, normalizeEmail } from '../../db/user.repository';
import { recordAudit } from '../audit/record-audit';
import type { AccountDeps, RequestContext } from '../auth/account-deps';
import { requireOrganisation } from '../accounts/require-user';

/** Members of the actor's current organisation. */
export async function listOrganisationMembers(deps: AccountDeps, input: { actor: Actor }): Promise<Member[]> {
  return listMembers(deps.database.db, requireOrganisation(input.actor).organisationId);
}

/**
 * Names of the current organisation's members (no e-mail, no role), so assessors can pick an
 * assignee and readers see who owns what. The full member list stays with owners and admins.
 */
export async function listOrganisationPeople(
  deps: AccountDeps,
  input: { actor: Actor },
): Promise<{ userId: string; displayName: string }[]> {
  const members = await listMembers(deps.database.db, requireOrganisation(input.actor).organisationId);
  return members
    .filter((member) => member.role !== 'provider')
    .map((member) => ({ userId: member.userId, displayName: member.displayName }));
}

async function actorRole(deps: AccountDeps, actor: Actor & { kind: 'user' }, organisationId: string): Promise<Role> {
  if (actor.via === 'cli') return 'owner';
  return actor.role ?? (await findMembership(deps.database.db, organisationId, actor.userId)) ?? 'viewer';
}

/**
 * Changes a member's role in the current organisation. People join only by accepting an
 * invitation (their consent), or from the server's CLI; so a user who is not a member is not
 * found. Nobody grants more than they hold, only owners touch owners, the last owner stays.
 */
export async function setMemberRole(
  deps: AccountDeps,
  input: { actor: Actor; userId?: string; email?: string; role: Role; context?: RequestContext },
): Promise<void> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const granter = await actorRole(deps, actor, organisationId);
  const userId =
    input.userId ??
    (input.email ? (await findUserByEmail(deps.database.db, normalizeEmail(input.email)))?.id : undefined);
  if (!userId)
    throw new DomainError('NOT_FOUND', 'No such member.', [
      { field: input.email ? 'email' : 'userId', reason: 'unknown' },
    ]);
  const now = deps.clock();
  await deps.database.db.transaction().execute(async (transaction) => {
    const before = await findMembership(transaction, organisationId, userId);
    if (!before && actor.via !== 'cli') throw new DomainError('NOT_FOUND', 'No such member: invite them instead.');
    if ((before && !canActOnMember(granter, before)) || !canActOnMember(granter, input.role))
      throw new DomainError('OWNER_ONLY', 'Only an owner can change an owner or make someone owner.');
    if (!canGrantRole(granter, input.role)) throw new DomainError('FORBIDDEN', 'Your role cannot grant that role.');
    if (before === 'owner' && input.role !== 'owner' && (await countOwners(transaction, organisationId)) <= 1) {
      throw lastOwner();
    }
    await upsertMembership(transaction, { organisationId, userId, role: input.role, createdAt: now.toISOString() });
    await recordAudit(transaction, actor, input.context, now, {
      organisationId,
      action: before ? 'member.role_changed' : 'member.added',
      targetType: 'user',
      targetId: userId,
      before: before ? { role: before } : undefined,
      after: { role: input.role },
    });
  });
}

/** Removes a member from the current organisation (never the last owner). */
export async function removeMember(
  deps: AccountDeps,
  input: { actor: Actor; userId: string; context?: RequestContext },
): Promise<void> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const granter = await actorRole(deps, actor, organisationId);
  const now = deps.clock();
  await deps.database.db.transaction().execute(async (transaction) => {
    const before = await findMembership(transaction, organisationId, input.userId);
    if (!before) throw new DomainError('NOT_FOUND', 'No such member.');
    if (!canActOnMember(granter, before)) throw new DomainError('OWNER_ONLY', 'Only an owner can remove an owner.');
    if (before === 'owner' && (await countOwners(transaction, organisationId)) <= 1) throw lastOwner();
    await deleteMembership(transaction, organisationId, input.userId);
    await recordAudit(transaction, actor, input.context, now, {
      organisationId,
      action: 'member.removed',
      targetType: 'user',
      targetId: input.userId,
      before: { role: before },
    });
  });
}

function lastOwner(): DomainError {
  return new DomainError(
    'LAST_OWNER',
    'An organisation keeps at least one owner: make another member an owner first.',
    [{ field: 'role', reason: 'last owner', code: 'last_owner' }],
  );
}
