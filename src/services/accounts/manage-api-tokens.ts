import { randomUUID } from 'node:crypto';
import type { Actor } from '../../core/auth/actor';
import { capRole, type Role } from '../../core/auth/roles';
import { hashSecret, newApiToken } from '../../core/auth/tokens';
import { DomainError } from '../../core/domain-error';
import { insertApiToken, listApiTokens, revokeApiToken, type ApiTokenRecord } from '../../db/api-token.repository';
import { findMembership } from '../../db/organisation.repository';
import { recordAudit } from '../audit/record-audit';
import type { AccountDeps, RequestContext } from '../auth/account-deps';
import { requireRecentAuthentication } from './require-recent-authentication';
import { requireOrganisation } from './require-user';

export const MAX_TOKEN_DAYS = 366;

/**
 * Creates a personal API token for the current organisation. The secret is returned once and
 * stored only as a hash; its role is the lower of the user's role and the requested ceiling.
 */
export async function createApiToken(
  deps: AccountDeps,
  input: { actor: Actor; name: string; roleCeiling: Role; expiresInDays: number; context?: RequestContext },
): Promise<{ token: string; record: ApiTokenRecord }> {
  const { actor, organisationId } = requireOrganisation(requireRecentAuthentication(input.actor, deps.clock()));
  const role = await findMembership(deps.database.db, organisationId, actor.userId);
  if (!role) throw new DomainError('FORBIDDEN', 'You are not a member of this organisation.');
  if (!Number.isInteger(input.expiresInDays) || input.expiresInDays < 1 || input.expiresInDays > MAX_TOKEN_DAYS) {
    throw new DomainError('VALIDATION_FAILED', `A token expires after 1–${MAX_TOKEN_DAYS} days.`, [
      { field: 'expiresInDays', reason: 'out of range' },
    ]);
  }
  const name = input.name.trim();
  if (name === '' || name.length > 100)
    throw new DomainError('VALIDATION_FAILED', 'Give the token a name (up to 100 characters).', [
      { field: 'name', reason: 'length' },
    ]);
  const now = deps.clock();
  const token = newApiToken();
  const record: ApiTokenRecord = {
    id: randomUUID(),
    userId: actor.userId,
    organisationId,
    roleCeiling: capRole(role, input.roleCeiling),
    name,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
    revokedAt: null,
    lastUsedAt: null,
  };
  await deps.database.db.transaction().execute(async (transaction) => {
    await insertApiToken(transaction, { ...record, tokenHash: hashSecret(token) });
    await recordAudit(transaction, actor, input.context, now, {
      organisationId,
      action: 'token.create',
      targetType: 'api_token',
      targetId: record.id,
      after: { name, roleCeiling: record.roleCeiling, expiresAt: record.expiresAt },
    });
  });
  return { token, record };
}

/** The actor's own tokens in the current organisation (never the secrets). */
export async function listMyApiTokens(deps: AccountDeps, input: { actor: Actor }): Promise<ApiTokenRecord[]> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  return listApiTokens(deps.database.db, organisationId, actor.userId);
}

/** Revokes one of the actor's own tokens in the current organisation. */
export async function revokeMyApiToken(
  deps: AccountDeps,
  input: { actor: Actor; tokenId: string; context?: RequestContext },
): Promise<void> {
  const now = deps.clock();
  const { actor, organisationId } = requireOrganisation(requireRecentAuthentication(input.actor, now));
  await deps.database.db.transaction().execute(async (transaction) => {
    if (
      !(await revokeApiToken(transaction, {
        organisationId,
        userId: actor.userId,
        tokenId: input.tokenId,
        now: now.toISOString(),
      }))
    ) {
      throw new DomainError('NOT_FOUND', 'No such active token.');
    }
    await recordAudit(transaction, actor, input.context, now, {
      organisationId,
      action: 'token.revoke',
      targetType: 'api_token',
      targetId: input.tokenId,
    });
  });
}
