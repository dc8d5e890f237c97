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
/** How long a password-verified session may wait for its second factor. */
export const PENDING_SESSION_MS = 5 * 60 * 1000;
/** Wrong second-factor codes a pending session may take before the password step must be redone. */
export const SECOND_FACTOR_ATTEMPTS = 5;
/** Account security changes need the password (and second factor) proven this recently. */
export const RECENT_AUTHENTICATION_MS = 15 * 60 * 1000;
