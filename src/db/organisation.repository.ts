import type { Kysely } from 'kysely';
import type { Role } from '../core/auth/roles';
import type { DatabaseSchema } from './database';

export interface Organisation {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly requireTotp: boolean;
  /** Four-eyes review: nobody accepts an answer they wrote. */
  readonly requireSeparateReviewer: boolean;
  readonly createdAt: string;
}

export interface Member {
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly totpEnabled: boolean;
  readonly joinedAt: string;
}

type Db = Kysely<DatabaseSchema>;

const toOrganisation = (row: {
  id: string;
  slug: string;
  name: string;
  require_totp: number;
  require_separate_reviewer: number;
  created_at: string;
}): Organisation => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  requireTotp: Number(row.require_totp) === 1,
  requireSeparateReviewer: Number(row.require_separate_reviewer) === 1,
  createdAt: row.created_at,
});

/** Adds an organisation; settings left out start off (as the columns' defaults say). */
export async function insertOrganisation(
  db: Db,
  organisation: Omit<Organisation, 'requireSeparateReviewer'> & Partial<Pick<Organisation, 'requireSeparateReviewer'>>,
): Promise<void> {
  await db
    .insertInto('organisation')
    .values({
      id: organisation.id,
      slug: organisation.slug,
      name: organisation.name,
      require_totp: organisation.requireTotp ? 1 : 0,
      require_separate_reviewer: organisation.requireSeparateReviewer === true ? 1 : 0,
      created_at: organisation.createdAt,
    })
    .execute();
}

export async function findOrganisation(db: Db, organisationId: string): Promise<Organisation | undefined> {
  const row = await db.selectFrom('organisation').selectAll().where('id', '=', organisationId).executeTakeFirst();
  return row ? toOrganisation(row) : undefined;
}

export async function findOrganisationBySlug(db: Db, slug: string): Promise<Organisation | undefined> {
  const row = await db.selectFrom('organisation').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row ? toOrganisation(row) : undefined;
}

/** Every organisation (installation administration from the CLI only). */
export async function listAllOrganisations(db: Db): Promise<Organisation[]> {
  return (await db.selectFrom('organisation').selectAll().orderBy('created_at').orderBy('id').execute()).map(
    toOrganisation,
  );
}

export async function updateOrganisationSettings(
  db: Db,
  organisationId: string,
  settings: { requireTotp: boolean; requireSeparateReviewer: boolean; name: string },
): Promise<void> {
  await db
    .updateTable('organisation')
    .set({
      require_totp: settings.requireTotp ? 1 : 0,
      require_separate_reviewer: settings.requireSeparateReviewer ? 1 : 0,
      name: settings.name,
    })
    .where('id', '=', organisationId)
    .execute();
}

/** The organisations a user belongs to, with the user's role in each. */
export async function listOrganisationsOfUser(db: Db, userId: string): Promise<(Organisation & { role: Role })[]> {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('organisation', 'organisation.id', 'membership.organisation_id')
    .select([
      'organisation.id',
      'organisation.slug',
      'organisation.name',
      'organisation.require_totp',
      'organisation.require_separate_reviewer',
      'organisation.created_at',
      'membership.role',
    ])
    .where('membership.user_id', '=', userId)
    .orderBy('organisation.name')
    .execute();
  return rows.map((row) => ({ ...toOrganisation(row), role: row.role as Role }));
}

export async function findMembership(db: Db, organisationId: string, userId: string): Promise<Role | undefined> {
  const row = await db
    .selectFrom('membership')
    .select('role')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role as Role | undefined;
}

export async function upsertMembership(
  db: Db,
  membership: { organisationId: string; userId: string; role: Role; createdAt: string },
): Promise<void> {
  await db
    .insertInto('membership')
    .values({
      organisation_id: membership.organisationId,
      user_id: membership.userId,
      role: membership.role,
      created_at: membership.createdAt,
    })
    .onConflict((conflict) => conflict.columns(['organisation_id', 'user_id']).doUpdateSet({ role: membership.role }))
    .execute();
}

export async function deleteMembership(db: Db, organisationId: string, userId: string): Promise<void> {
  await db
    .deleteFrom('membership')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .execute();
}

/** Members of one organisation; the organisation is always part of the query. */
export async function listMembers(db: Db, organisationId: string): Promise<Member[]> {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .select([
      'app_user.id',
      'app_user.email',
      'app_user.display_name',
      'app_user.totp_enabled',
      'membership.role',
      'membership.created_at',
    ])
    .where('membership.organisation_id', '=', organisationId)
    .orderBy('app_user.email')
    .execute();
  return rows.map((row) => ({
    userId: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as Role,
    totpEnabled: row.totp_enabled === 1,
    joinedAt: row.created_at,
  }));
}

export async function countOwners(db: Db, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('membership')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
