/** Rows of the triage tables (migration 20261204-0003-vulnerability-triage). */
export interface VulnerabilityTriageTable {
  id: string;
  organisation_id: string;
  source: string;
  tracking_id: string;
  /** 'model' | 'device' */
  target_kind: string;
  /** 'model:' + manufacturer + U+001F + model, or 'device:' + device id: one triage per target. */
  target_key: string;
  manufacturer: string;
  model: string;
  device_id: number | string | null;
  status: string;
  justification: string | null;
  detail: string;
  owner: string;
  due: string | null;
  version: number;
  created_at: string;
  updated_by: string;
  updated_at: string;
}

export interface LatestFirmwareTable {
  organisation_id: string;
  manufacturer: string;
  model: string;
  version: string;
  released_on: string | null;
  source: string;
  updated_by: string;
  updated_at: string;
}

export interface VulnerabilityDailyCountTable {
  organisation_id: string;
  day: string;
  open: number;
  kev: number;
}
