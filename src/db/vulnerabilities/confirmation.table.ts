/** A version text of an advisory no parser could read (rebuilt whenever the advisory changes). */
export interface AdvisoryUnparsedTermTable {
  id: string;
  advisory_id: string;
  /** Where the term sits in the advisory's rules: "rule.group.term" indexes. */
  term_path: string;
  /** The term's selector as text: the CPE, purl or "vendor product". */
  product: string;
  text: string;
}

/** An organisation's decision on an unparsed text (migration 20261204-0003-vulnerability-triage). */
export interface VulnerabilityConfirmationTable {
  id: string;
  organisation_id: string;
  source: string;
  tracking_id: string;
  product: string;
  text: string;
  /** 'confirmed' | 'rejected' */
  status: string;
  /** JSON of the confirmed VersionConstraint (kind 'range'), null when rejected. */
  versions: string | null;
  version: number;
  decided_by: string;
  decided_at: string;
}

export interface AdvisoryImportCheckpointTable {
  run_key: string;
  file: string;
  fingerprint: string;
  finished_at: string;
}
