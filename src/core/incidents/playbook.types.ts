import type { ChecklistKind } from './incident.types';

/** A text in both languages (checklist items, templates). */
export interface BilingualText {
  readonly ja: string;
  readonly en: string;
}

/** One step of a playbook: what to do, who owns it (a stakeholder), how long it should take. */
export interface PlaybookStep {
  readonly title: string;
  readonly ownerStakeholderId: string | null;
  readonly expectedMinutes: number | null;
}

/** The editable fields of a playbook (items 38, 49–52, 60). */
export interface PlaybookFields {
  readonly systemId: string;
  readonly title: string;
  readonly steps: readonly PlaybookStep[];
  /** Stakeholders to call; their deputies come from the stakeholder records (item 50). */
  readonly contactIds: readonly string[];
  /** The first report (item 49), with {{placeholders}} filled from the incident; empty = our default wording. */
  readonly firstReportTemplate: BilingualText;
  readonly checklists: Readonly<Record<ChecklistKind, readonly BilingualText[]>>;
}

/** A stored playbook. */
export interface Playbook extends PlaybookFields {
  readonly id: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}
