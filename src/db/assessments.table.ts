/** Rows of the assessment tables (migration 20261122-0004). JSON columns are text; booleans 0/1. */
export interface IotSystemTable {
  id: string;
  organisation_id: string;
  name: string;
  description: string;
  business: string;
  criticality: string;
  owner_name: string;
  protected_functions: string;
  protected_information: string;
  internet_facing: number;
  tags: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AssessmentTable {
  id: string;
  organisation_id: string;
  system_id: string;
  framework_id: string;
  framework_version: string;
  catalog_hash: string;
  title: string;
  period_start: string | null;
  period_end: string | null;
  status: string;
  lead_user_id: string | null;
  copied_from: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface AnswerTable {
  assessment_id: string;
  item_id: string;
  organisation_id: string;
  result: string;
  justification: string;
  comment: string;
  checks: string;
  assignee_user_id: string | null;
  due_date: string | null;
  review_state: string;
  return_reason: string | null;
  version: number;
  updated_at: string;
  updated_by: string | null;
}

export interface AnswerHistoryTable {
  id: string;
  assessment_id: string;
  item_id: string;
  organisation_id: string;
  version: number;
  changed_at: string;
  changed_by: string | null;
  before: string | null;
  after: string;
}

export interface EvidenceTable {
  id: string;
  organisation_id: string;
  kind: string;
  title: string;
  evidence_date: string | null;
  valid_until: string | null;
  sha256: string | null;
  media_type: string | null;
  size_bytes: number | null;
  original_name: string | null;
  url: string | null;
  body: string | null;
  created_at: string;
  created_by: string | null;
}

export interface AnswerEvidenceTable {
  assessment_id: string;
  item_id: string;
  evidence_id: string;
  organisation_id: string;
  linked_at: string;
  linked_by: string | null;
}

export interface FindingTable {
  id: string;
  organisation_id: string;
  assessment_id: string;
  item_id: string;
  device_id: string | null;
  issue: string;
  impact: string;
  recommendation: string;
  priority: string;
  owner_name: string;
  due_date: string | null;
  status: string;
  accepted_by: string | null;
  accepted_reason: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ScoreSnapshotTable {
  id: string;
  organisation_id: string;
  assessment_id: string;
  taken_at: string;
  reason: string;
  status: string;
  scores: string;
}

export interface ItemWeightTable {
  organisation_id: string;
  item_id: string;
  weight: number;
}
