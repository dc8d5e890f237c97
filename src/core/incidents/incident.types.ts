// Incidents (issue 15; items 38, 49–60): real incidents and drills, their append-only timeline,
// the devices and evidence they concern, lessons learned and the playbooks they follow.

/** How bad an incident is. */
export const INCIDENT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

/** The life of an incident, in order. It only moves forward (steps may be skipped); only `reopen` goes back. */
export const INCIDENT_STATUSES = ['detected', 'triaged', 'contained', 'eradicated', 'recovered', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** What a timeline entry records. Entries are never changed or removed; a `correction` points at the one it corrects. */
export const TIMELINE_KINDS = [
  'note',
  'status',
  'decision',
  'evidence',
  'notification',
  'correction',
  'link',
  'step',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** The kinds a person writes by hand; the others are written by the use cases that do the thing. */
export const WRITTEN_TIMELINE_KINDS = ['note', 'decision', 'correction'] as const;
export type WrittenTimelineKind = (typeof WRITTEN_TIMELINE_KINDS)[number];

/** Who is told (items 49, 51, 52, 60). */
export const NOTIFICATION_KINDS = ['vendor', 'first_report', 'regulator', 'customer', 'ipa_jpcert'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The notification checklists a playbook keeps. */
export const CHECKLIST_KINDS = ['regulator', 'customer', 'ipa_jpcert'] as const;
export type ChecklistKind = (typeof CHECKLIST_KINDS)[number];

/** What an incident links to by id only (issues 13 and 14 own those records). */
export const INCIDENT_LINK_KINDS = ['vulnerability', 'probe'] as const;
export type IncidentLinkKind = (typeof INCIDENT_LINK_KINDS)[number];

/** How a drill step went. `started` opens it; `done` or `failed` ends it. */
export const STEP_OUTCOMES = ['started', 'done', 'failed'] as const;
export type StepOutcome = (typeof STEP_OUTCOMES)[number];

/** `INC-0001`: the number people say. */
export function incidentReference(number: number): string {
  return `INC-${String(number).padStart(4, '0')}`;
}

/** The stored time column of each status (detected and closed have their own too). */
export const STATUS_TIME_FIELDS = {
  detected: 'detectedAt',
  triaged: 'triagedAt',
  contained: 'containedAt',
  eradicated: 'eradicatedAt',
  recovered: 'recoveredAt',
  closed: 'closedAt',
} as const satisfies Record<IncidentStatus, string>;

/** Times of an incident's life, ISO-8601 UTC; null until reached (or when a step was skipped). */
export interface IncidentTimes {
  readonly occurredAt: string | null;
  readonly detectedAt: string;
  readonly reportedAt: string | null;
  readonly triagedAt: string | null;
  readonly containedAt: string | null;
  readonly eradicatedAt: string | null;
  readonly recoveredAt: string | null;
  readonly closedAt: string | null;
}

/** A stored incident (without its devices, timeline and other parts). */
export interface Incident extends IncidentTimes {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly description: string;
  readonly severity: IncidentSeverity;
  readonly status: IncidentStatus;
  readonly systemIds: readonly string[];
  readonly drill: boolean;
  readonly playbookId: string | null;
  readonly version: number;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One entry of the append-only timeline. `details` holds the facts of status, notification, link… entries. */
export interface TimelineEntry {
  readonly seq: number;
  readonly at: string;
  readonly actorLabel: string;
  readonly kind: TimelineKind;
  readonly body: string;
  readonly correctsSeq: number | null;
  readonly details: Readonly<Record<string, string | number | boolean | null>>;
}

/** A lesson learned (items 57, 59): becomes a finding on `itemId` in the system's next assessment. */
export interface IncidentLesson {
  readonly id: string;
  readonly incidentId: string;
  readonly systemId: string;
  readonly itemId: string;
  readonly lesson: string;
  readonly recommendation: string;
  readonly owner: string;
  readonly due: string | null;
  readonly carriedToAssessmentId: string | null;
  readonly carriedFindingId: string | null;
  readonly createdAt: string;
}

/** A reference to a vulnerability match or probe result, kept by id and label only. */
export interface IncidentLink {
  readonly kind: IncidentLinkKind;
  readonly id: string;
  readonly label: string;
  readonly linkedAt: string;
}

/** One step of a drill (or an incident run from a playbook), copied from the playbook when it starts. */
export interface IncidentStep {
  readonly index: number;
  readonly title: string;
  readonly ownerStakeholderId: string | null;
  readonly expectedMinutes: number | null;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly outcome: StepOutcome | null;
  readonly note: string;
}
