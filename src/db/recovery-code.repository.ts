import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './database';

type Db = Kysely<DatabaseSchema>;

/** Replaces every recovery code of a user with new ones (given as hashes). */
export async function replaceRecoveryCodes(db: Db, userId: string, codeHashes: readonly string[], now: string) {
  await deleteRecoveryCodes(db, userId);
  if (codeHashes.length === 0) return;
  await db
    .insertInto('totp_recovery_code')
    .values(
      codeHashes.map((codeHash) => ({
        id: randomUUID(),
        user_id: userId,
        code_hash: codeHash,
        created_at: now,
        used_at: null,
      })),
    )
    .execute();
}

export async function deleteRecoveryCodes(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('totp_recovery_code').where('user_id', '=', userId).execute();
}

/** Uses up one unused code of the user in one statement; false when there is no such code. */
export async function useRecoveryCode(db: Db, userId: string, codeHash: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('totp_recovery_code')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('totp_recovery_code')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
