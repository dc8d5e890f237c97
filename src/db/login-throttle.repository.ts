import type { Kysely } from 'kysely';
import type { DatabaseDialect, DatabaseSchema } from './database';

/** Consecutive login failures of one key (`account:<email>` or `address:<ip>`) and its lock. */
export interface ThrottleState {
  readonly failures: number;
  readonly lockedUntil: string | null;
}

/** A stored state and when it was last written (undefined when there is none). */
export type StoredThrottleState = ThrottleState & { readonly updatedAt: string | undefined };

type Db = Kysely<DatabaseSchema>;

/**
 * Reads a key's state inside a transaction and holds it until commit: the row is created first
 * (so there is something to lock), which takes SQLite's write lock at once (like BEGIN IMMEDIATE),
 * and PostgreSQL locks the row FOR UPDATE. Concurrent attempts on the key therefore queue here.
 */
export async function readThrottleLocked(
  db: Db,
  dialect: DatabaseDialect,
  key: string,
  now: string,
): Promise<StoredThrottleState> {
  await db
    .insertInto('login_throttle')
    .values({ throttle_key: key, failures: 0, locked_until: null, updated_at: now })
    .onConflict((conflict) => conflict.column('throttle_key').doNothing())
    .execute();
  let query = db
    .selectFrom('login_throttle')
    .select(['failures', 'locked_until', 'updated_at'])
    .where('throttle_key', '=', key);
  if (dialect === 'postgres') query = query.forUpdate();
  const row = await query.executeTakeFirstOrThrow();
  const fresh = Number(row.failures) === 0 && row.locked_until === null && row.updated_at === now;
  return {
    failures: Number(row.failures),
    lockedUntil: row.locked_until,
    updatedAt: fresh ? undefined : row.updated_at,
  };
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
