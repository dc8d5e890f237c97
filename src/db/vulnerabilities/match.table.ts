/** One identity of an organisation's devices (see migration 20261204-0002-vulnerability-matches). */
export interface VulnerabilityIdentityTable {
  organisation_id: string;
  identity_key: string;
  manufacturer: string;
  model: string;
  firmware_version: string;
  /** JSON array of CPE 2.3 names. */
  cpes: string;
  /** JSON array of purls with versions. */
  purls: string;
  first_seen_at: string;
}

/** Which identity a device has, as of the last match run. */
export interface VulnerabilityDeviceIdentityTable {
  device_id: number | string;
  organisation_id: string;
  identity_key: string;
}

/** An identity affected by an advisory. */
export interface VulnerabilityMatchTable {
  organisation_id: string;
  identity_key: string;
  advisory_id: string;
  /** 'exact' | 'name' */
  confidence: string;
  /** JSON of MatchReason (src/core/vulnerabilities/match.types.ts). */
  reason: string;
  first_matched_at: string;
  last_matched_at: string;
}

/** One match run of an organisation. */
export interface VulnerabilityMatchRunTable {
  id: string;
  organisation_id: string;
  requested_by: string | null;
  full_run: boolean | number;
  started_at: string;
  finished_at: string;
  /** The advisory revision the run read up to: the next run reads what is newer. */
  advisory_revision: number | string | bigint;
  /** Count and latest import time of the organisation's SBOMs: a change re-reads every device. */
  sbom_fingerprint: string;
  identity_count: number;
  match_count: number;
  added_count: number;
  removed_count: number;
  advisories_read: number;
  unknown_count: number;
  /** JSON array (at most 100) of UnknownVersion: versions the run could not compare. */
  unknowns: string;
}
