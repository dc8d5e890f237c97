import type { Kysely } from 'kysely';
import type { Role } from '../core/auth/roles';
import type { DatabaseSchema } from './database';

type Db = Kysely<DatabaseSchema>;

/** An invitation not yet accepted and not yet expired, with who sent it. */
export interface PendingInvitation {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly createdByName: string | null;
}

/** The organisation's pending invitations at `now`, newest first. */
export async function listPendingInvitations(db: Db, organisationId: string, now: Date): Promise<PendingInvitation[]> {
  const rows = await db
    .selectFrom('invitation')
    .leftJoin('app_user', 'app_user.id', 'invitation.created_by')
    .select([
      'invitation.id',
      'invitation.email',
      'invitation.role',
      'invitation.created_at',
      'invitation.expires_at',
      'app_user.display_name',
    ])
    .where('invitation.organisation_id', '=', organisationId)
    .where('invitation.accepted_at', 'is', null)
    .where('invitation.expires_at', '>', now.toISOString())
    .orderBy('invitation.created_at', 'desc')
    .orderBy('invitation.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    role: row.role as Role,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    createdByName: row.display_name,
  }));
}

/** Deletes a pending invitation of the organisation, so its link stops working; undefined when there was none. */
export async function deletePendingInvitation(
  db: Db,
  organisationId: string,
  invitationId: string,
): Promise<{ email: string; role: string } | undefined> {
  const row = await db
    .selectFrom('invitation')
    .select(['email', 'role'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', invitationId)
    .where('accepted_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  await db
    .deleteFrom('invitation')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', invitationId)
    .execute();
  return row;
}
