import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './database';

/** A user account. The password hash and sealed TOTP secret never leave the services layer. */
export interface UserRecord {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly passwordHash: string | null;
  readonly mustChangePassword: boolean;
  readonly totpSecretSealed: string | null;
  readonly totpEnabled: boolean;
  readonly totpLastStep: number;
  readonly disabled: boolean;
  readonly createdAt: string;
}

type Db = Kysely<DatabaseSchema>;
type Row = DatabaseSchema['app_user'];

const toUser = (row: Row): UserRecord => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  passwordHash: row.password_hash,
  mustChangePassword: row.must_change_password === 1,
  totpSecretSealed: row.totp_secret_sealed,
  totpEnabled: row.totp_enabled === 1,
  totpLastStep: Number(row.totp_last_step),
  disabled: row.disabled === 1,
  createdAt: row.created_at,
});

/** E-mail addresses are compared in lower case, trimmed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function insertUser(
  db: Db,
  user: {
    id: string;
    email: string;
    displayName: string;
    passwordHash: string | null;
    mustChangePassword: boolean;
    now: string;
  },
): Promise<void> {
  await db
    .insertInto('app_user')
    .values({
      id: user.id,
      email: normalizeEmail(user.email),
      display_name: user.displayName,
      password_hash: user.passwordHash,
      must_change_password: user.mustChangePassword ? 1 : 0,
      totp_secret_sealed: null,
      totp_enabled: 0,
      totp_last_step: 0,
      disabled: 0,
      created_at: user.now,
      updated_at: user.now,
    })
    .execute();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function findUserById(db: Db, id: string): Promise<UserRecord | undefined> {
  const row = await db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRecord | undefined> {
  const row = await db.selectFrom('app_user').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
  return row ? toUser(row) : undefined;
}

/** Every account (installation administration from the CLI only). */
export async function listAllUsers(db: Db): Promise<UserRecord[]> {
  return (await db.selectFrom('app_user').selectAll().orderBy('email').execute()).map(toUser);
}

export async function updatePassword(
  db: Db,
  userId: string,
  change: { passwordHash: string; mustChangePassword: boolean; now: string },
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({
      password_hash: change.passwordHash,
      must_change_password: change.mustChangePassword ? 1 : 0,
      updated_at: change.now,
    })
    .where('id', '=', userId)
    .execute();
}

export async function updateTotp(
  db: Db,
  userId: string,
  change: { sealedSecret: string | null; enabled: boolean; lastStep: number; now: string },
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({
      totp_secret_sealed: change.sealedSecret,
      totp_enabled: change.enabled ? 1 : 0,
      totp_last_step: change.lastStep,
      updated_at: change.now,
    })
    .where('id', '=', userId)
    .execute();
}

/** Records the last accepted TOTP time step, only if it is newer (a code is never accepted twice). */
export async function advanceTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('app_user')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where('totp_last_step', '<', step)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
