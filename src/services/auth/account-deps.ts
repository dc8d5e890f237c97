import type { SecretBox } from '../../core/auth/secret-box';
import type { Database } from '../../db/database';
import type { PasswordHasher } from '../../integrations/auth/password-hasher';

/** What account and authentication use cases need. `clock` is injectable so tests can move time. */
export interface AccountDeps {
  readonly database: Database;
  readonly clock: () => Date;
  readonly passwords: PasswordHasher;
  readonly secretBox: SecretBox;
}

/** Facts about the request behind a use case, for the audit trail and throttling. */
export interface RequestContext {
  readonly requestId?: string;
  readonly clientAddress: string;
}

/** Idle and absolute lifetimes of a login session. */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
