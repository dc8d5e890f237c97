import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './database';

/** Consecutive login failures of one key (`account:<email>` or `address:<ip>`) and its lock. */
export interface ThrottleState {
  readonly failures: number;
  readonly lockedUntil: string | null;
}

/** A stored state and when it was last written (undefined when there is none). */
export type StoredThrottleState = ThrottleState & { readonly updatedAt: string | undefined };

type Db = Kysely<DatabaseSchema>;

export async function readThrottle(db: Db, key: string): Promise<StoredThrottleState> {
  const row = await db
    .selectFrom('login_throttle')
    .select(['failures', 'locked_until', 'updated_at'])
    .where('throttle_key', '=', key)
    .executeTakeFirst();
  return row
    ? { failures: Number(row.failures), lockedUntil: row.locked_until, updatedAt: row.updated_at }
    : { failures: 0, lockedUntil: null, updatedAt: undefined };
}

export async function writeThrottle(db: Db, key: string, state: ThrottleState, now: string): Promise<void> {
  await db
    .insertInto('login_throttle')
    .values({ throttle_key: key, failures: state.failures, locked_until: state.lockedUntil, updated_at: now })
    .onConflict((conflict) =>
      conflict
        .column('throttle_key')
        .doUpdateSet({ failures: state.failures, locked_until: state.lockedUntil, updated_at: now }),
    )
    .execute();
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('throttle_key', '=', key).execute();
}
