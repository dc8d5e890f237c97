import { randomUUID } from 'node:crypto';
import type { Actor } from '../../core/auth/actor';
import { hashSecret } from '../../core/auth/tokens';
import { DomainError } from '../../core/domain-error';
import {
  findMembership,
  findOrganisation,
  insertOrganisation,
  listOrganisationsOfUser,
  updateOrganisationSettings,
  upsertMembership,
  type Organisation,
} from '../../db/organisation.repository';
import { setSessionOrganisation } from '../../db/session.repository';
import { findUserByEmail } from '../../db/user.repository';
import { recordAudit } from '../audit/record-audit';
import type { AccountDeps, RequestContext } from '../auth/account-deps';
import { requireOrganisation, requireUser } from '../accounts/require-user';
import { slugify } from './slugify';

function requireName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 200)
    throw new DomainError('VALIDATION_FAILED', 'An organisation needs a name (up to 200 characters).', [
      { field: 'name', reason: 'length' },
    ]);
  return trimmed;
}

/** Creates an organisation; the web user becomes its owner, the CLI names the owner by e-mail. */
export async function createOrganisation(
  deps: AccountDeps,
  input: { actor: Actor; name: string; ownerEmail?: string; context?: RequestContext },
): Promise<Organisation> {
  const actor = requireUser(input.actor);
  const name = requireName(input.name);
  const ownerId =
    actor.via === 'cli'
      ? input.ownerEmail
        ? (await findUserByEmail(deps.database.db, input.ownerEmail))?.id
        : undefined
      : actor.userId;
  if (actor.via === 'cli' && input.ownerEmail && !ownerId)
    throw new DomainError('NOT_FOUND', `No user ${input.ownerEmail}.`, [{ field: 'owner', reason: 'unknown user' }]);
  const now = deps.clock();
  const organisation: Organisation = {
    id: randomUUID(),
    slug: slugify(name),
    name,
    requireTotp: false,
    requireSeparateReviewer: false,
    createdAt: now.toISOString(),
  };
  await deps.database.db.transaction().execute(async (transaction) => {
    await insertOrganisation(transaction, organisation);
    if (ownerId)
      await upsertMembership(transaction, {
        organisationId: organisation.id,
        userId: ownerId,
        role: 'owner',
        createdAt: now.toISOString(),
      });
    await recordAudit(transaction, actor, input.context, now, {
      organisationId: organisation.id,
      action: 'organisation.create',
      targetType: 'organisation',
      targetId: organisation.id,
      after: { name },
    });
  });
  return organisation;
}

/** The organisations the actor belongs to, with their role in each. */
export async function listMyOrganisations(deps: AccountDeps, input: { actor: Actor }) {
  return listOrganisationsOfUser(deps.database.db, requireUser(input.actor).userId);
}

/** Makes another organisation the session's current one; only where the user is a member. */
export async function switchOrganisation(
  deps: AccountDeps,
  input: { actor: Actor; sessionToken: string; organisationId: string },
): Promise<void> {
  const actor = requireUser(input.actor);
  if (!(await findMembership(deps.database.db, input.organisationId, actor.userId)))
    throw new DomainError('NOT_FOUND', 'No such organisation.');
  await setSessionOrganisation(deps.database.db, hashSecret(input.sessionToken), input.organisationId);
}

/** The current organisation. */
export async function getCurrentOrganisation(deps: AccountDeps, input: { actor: Actor }): Promise<Organisation> {
  const { organisationId } = requireOrganisation(input.actor);
  const organisation = await findOrganisation(deps.database.db, organisationId);
  if (!organisation) throw new DomainError('NOT_FOUND', 'No such organisation.');
  return organisation;
}

/** Renames the current organisation or makes TOTP mandatory for its members. */
export async function updateOrganisation(
  deps: AccountDeps,
  input: { actor: Actor; name?: string; requireTotp?: boolean; context?: RequestContext },
): Promise<Organisation> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const now = deps.clock();
  return deps.database.db.transaction().execute(async (transaction) => {
    const before = await findOrganisation(transaction, organisationId);
    if (!before) throw new DomainError('NOT_FOUND', 'No such organisation.');
    const after = {
      ...before,
      name: input.name === undefined ? before.name : requireName(input.name),
      requireTotp: input.requireTotp ?? before.requireTotp,
    };
    await updateOrganisationSettings(transaction, organisationId, after);
    await recordAudit(transaction, actor, input.context, now, {
      organisationId,
      action: 'organisation.update',
      targetType: 'organisation',
      targetId: organisationId,
      before: { name: before.name, requireTotp: before.requireTotp },
      after: { name: after.name, requireTotp: after.requireTotp },
    });
    return after;
  });
}
