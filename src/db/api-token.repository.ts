import type { Kysely } from 'kysely';
import type { Role } from '../core/auth/roles';
import type { DatabaseSchema } from './database';

/** A personal API token; only the sha256 of the secret is stored. */
export interface ApiTokenRecord {
  readonly id: string;
  readonly userId: string;
  readonly organisationId: string;
  readonly roleCeiling: Role;
  readonly name: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
}

type Db = Kysely<DatabaseSchema>;
type Row = DatabaseSchema['api_token'];

const toToken = (row: Row): ApiTokenRecord => ({
  id: row.id,
  userId: row.user_id,
  organisationId: row.organisation_id,
  roleCeiling: row.role_ceiling as Role,
  name: row.name,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
  lastUsedAt: row.last_used_at,
});

export async function insertApiToken(db: Db, token: ApiTokenRecord & { tokenHash: string }): Promise<void> {
  await db
    .insertInto('api_token')
    .values({
      id: token.id,
      token_hash: token.tokenHash,
      user_id: token.userId,
      organisation_id: token.organisationId,
      role_ceiling: token.roleCeiling,
      name: token.name,
      created_at: token.createdAt,
      expires_at: token.expiresAt,
      revoked_at: null,
      last_used_at: null,
    })
    .execute();
}

export async function findApiTokenByHash(db: Db, tokenHash: string): Promise<ApiTokenRecord | undefined> {
  const row = await db.selectFrom('api_token').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  return row ? toToken(row) : undefined;
}

/** A user's tokens in one organisation. */
export async function listApiTokens(db: Db, organisationId: string, userId: string): Promise<ApiTokenRecord[]> {
  const rows = await db
    .selectFrom('api_token')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toToken);
}

/** Revokes a token of this user in this organisation; false when there is none. */
export async function revokeApiToken(
  db: Db,
  scope: { organisationId: string; userId: string; tokenId: string; now: string },
): Promise<boolean> {
  const result = await db
    .updateTable('api_token')
    .set({ revoked_at: scope.now })
    .where('id', '=', scope.tokenId)
    .where('organisation_id', '=', scope.organisationId)
    .where('user_id', '=', scope.userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Revokes every active token of a user, in every organisation (password reset or change); how many. */
export async function revokeApiTokensOfUser(db: Db, userId: string, now: string): Promise<number> {
  const result = await db
    .updateTable('api_token')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function markApiTokenUsed(db: Db, tokenId: string, now: string): Promise<void> {
  await db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', tokenId).execute();
}
