/** Rows of the probe tables (migration 20261205-0001). Booleans 0/1; JSON and lists as text. */
export interface ProbeScopeTable {
  id: string;
  organisation_id: string;
  name: string;
  targets: string;
  entries: string;
  allow_credentials: number;
  rate: number;
  concurrency: number;
  vantage: string;
  expected_ports: string | null;
  time_zone: string;
  time_windows: string;
  archived: number;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProbeCredentialListTable {
  id: string;
  organisation_id: string;
  name: string;
  usernames: string;
  /** The JSON list of { username, password } sealed with the installation key (SecretBox). */
  sealed_credentials: string;
  created_by: string | null;
  created_at: string;
}

export interface ProbeRunTable {
  id: string;
  organisation_id: string;
  scope_id: string;
  job_id: string;
  requested_targets: string | null;
  requested_devices: number | null;
  ports: string;
  checks: string;
  /** The plan pinned at request time (targets with their addresses, ports, checks). */
  plan: string;
  intrusive: number;
  /** 1 once the results are stored (the job's last transaction). */
  stored: number;
  cancelled: number;
  target_count: number | null;
  reachable_count: number | null;
  open_port_count: number | null;
  pass_count: number | null;
  fail_count: number | null;
  inconclusive_count: number | null;
  previous_run_id: string | null;
  requested_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface ProbeTargetResultTable {
  run_id: string;
  address: string;
  organisation_id: string;
  hostname: string | null;
  device_id: number | string | null;
  open_ports: string;
  pass_count: number;
  fail_count: number;
  inconclusive_count: number;
  seq: number;
}

export interface ProbeObservationTable {
  id: string;
  run_id: string;
  organisation_id: string;
  seq: number;
  address: string;
  device_id: number | string | null;
  check_name: string;
  result: string;
  reason: string | null;
  /** JSON list of reason codes with parameters (migration 20261206-0002); NULL on older rows. */
  reason_codes: string | null;
  findings: string;
  port: number | null;
  detail: string;
  items: string;
  observed_at: string;
}

export interface ProbeObservationItemTable {
  observation_id: string;
  item_id: string;
  organisation_id: string;
  run_id: string;
  device_id: number | string | null;
  result: string;
  observed_at: string;
}
