/** Rows of the accounts tables (migration 20261122-0002). Booleans are 0/1. */
export interface OrganisationTable {
  id: string;
  slug: string;
  name: string;
  require_totp: number;
  /** Migration 20261201-0010: answers are accepted only by someone who did not write them. */
  require_separate_reviewer: number;
  created_at: string;
}

export interface AppUserTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  must_change_password: number;
  totp_secret_sealed: string | null;
  totp_enabled: number;
  totp_last_step: number;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface MembershipTable {
  organisation_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

export interface UserSessionTable {
  token_hash: string;
  user_id: string;
  organisation_id: string | null;
  csrf_token: string;
  second_factor_pending: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  client_address: string;
  /** When the session last proved the password (and second factor); null while it is pending. */
  authenticated_at: string | null;
  /** Wrong second-factor codes on this pending session. */
  second_factor_failures: number;
}

export interface ApiTokenTable {
  id: string;
  token_hash: string;
  user_id: string;
  organisation_id: string;
  role_ceiling: string;
  name: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface LoginThrottleTable {
  throttle_key: string;
  failures: number;
  locked_until: string | null;
  updated_at: string;
}

export interface InvitationTable {
  id: string;
  organisation_id: string;
  email: string;
  role: string;
  token_hash: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
}

export interface TotpRecoveryCodeTable {
  id: string;
  user_id: string;
  /** sha256 of the user id and the normalised code. */
  code_hash: string;
  created_at: string;
  used_at: string | null;
}
