/** Rows of the incident tables (migration 20261204-0004). JSON lists are text; booleans 0/1. */
export interface IncidentCounterTable {
  organisation_id: string;
  last_number: number;
}

export interface IncidentTable {
  id: string;
  organisation_id: string;
  number: number;
  title: string;
  description: string;
  severity: string;
  status: string;
  system_ids: string;
  drill: number;
  playbook_id: string | null;
  occurred_at: string | null;
  detected_at: string;
  reported_at: string | null;
  triaged_at: string | null;
  contained_at: string | null;
  eradicated_at: string | null;
  recovered_at: string | null;
  closed_at: string | null;
  last_seq: number;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface IncidentDeviceTable {
  incident_id: string;
  device_id: number | string;
  organisation_id: string;
  linked_at: string;
}

/** Append-only: the database refuses UPDATE and DELETE (triggers), and no repository offers either. */
export interface IncidentTimelineTable {
  incident_id: string;
  seq: number;
  organisation_id: string;
  at: string;
  actor_user_id: string | null;
  actor_label: string;
  kind: string;
  body: string;
  corrects_seq: number | null;
  details: string;
}

export interface IncidentEvidenceTable {
  incident_id: string;
  evidence_id: string;
  organisation_id: string;
  linked_at: string;
  linked_by: string | null;
}

export interface IncidentLinkTable {
  incident_id: string;
  kind: string;
  ref_id: string;
  organisation_id: string;
  label: string;
  linked_at: string;
}

export interface IncidentLessonTable {
  id: string;
  incident_id: string;
  organisation_id: string;
  system_id: string;
  item_id: string;
  lesson: string;
  recommendation: string;
  owner: string;
  due: string | null;
  carried_to_assessment_id: string | null;
  carried_finding_id: string | null;
  created_at: string;
}

export interface IncidentStepTable {
  incident_id: string;
  idx: number;
  organisation_id: string;
  title: string;
  owner_stakeholder_id: string | null;
  expected_minutes: number | null;
  started_at: string | null;
  ended_at: string | null;
  outcome: string | null;
  note: string;
}

export interface PlaybookTable {
  id: string;
  organisation_id: string;
  system_id: string;
  title: string;
  steps: string;
  contact_ids: string;
  first_report_template: string;
  checklists: string;
  version: number;
  created_at: string;
  updated_at: string;
}
