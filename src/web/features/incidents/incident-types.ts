// The incident API's shapes as the screens use them: aliases of src/contracts/incidents, so a
// change to a contract shows up here as a type error.

export type {
  FigurePointView as FigurePoint,
  IncidentDetailView as IncidentDetail,
  IncidentDeviceView as IncidentDevice,
  IncidentFigureListView as FiguresResponse,
  IncidentStepView as DrillStep,
  IncidentSummaryView as IncidentSummary,
  LessonInput,
  LessonListView,
} from '../../../contracts/incidents/incident.schema';
export type { VendorNotificationView as VendorNotification } from '../../../contracts/incidents/notification.schema';
export type {
  PlaybookInputBody as PlaybookInput,
  PlaybookView as Playbook,
} from '../../../contracts/incidents/playbook.schema';
export type {
  ChecklistKind,
  IncidentLinkKind,
  IncidentSeverity as Severity,
  IncidentStatus,
  NotificationKind,
  StepOutcome,
  TimelineKind,
} from '../../../core/incidents/incident.types';

import type {
  ChecklistKind,
  IncidentSeverity,
  IncidentStatus,
  STATUS_TIME_FIELDS as CoreStatusTimeFields,
} from '../../../core/incidents/incident.types';

import type { IncidentDetailView } from '../../../contracts/incidents/incident.schema';

export type TimelineEntry = IncidentDetailView['timeline'][number];
export type IncidentLesson = IncidentDetailView['lessons'][number];
export type IncidentLink = Pick<IncidentDetailView['links'][number], 'kind' | 'id' | 'label'>;
export type IncidentEvidence = IncidentDetailView['evidence'][number];

// The web may import core types only, so the value lists are repeated here; `everyOf` makes a
// status, severity or checklist kind added in core a compile error until it is listed here too.
const everyOf =
  <Union extends string>() =>
  <const List extends readonly Union[]>(
    list: List & ([Exclude<Union, List[number]>] extends [never] ? unknown : never),
  ) =>
    list;

/** The life cycle, in order. */
export const INCIDENT_STATUSES = everyOf<IncidentStatus>()([
  'detected',
  'triaged',
  'contained',
  'eradicated',
  'recovered',
  'closed',
]);
export const SEVERITIES = everyOf<IncidentSeverity>()(['low', 'medium', 'high', 'critical']);
export const CHECKLIST_KINDS = everyOf<ChecklistKind>()(['regulator', 'customer', 'ipa_jpcert']);
/** The detail's time field of each status. */
export const STATUS_TIME_FIELDS: typeof CoreStatusTimeFields = {
  detected: 'detectedAt',
  triaged: 'triagedAt',
  contained: 'containedAt',
  eradicated: 'eradicatedAt',
  recovered: 'recoveredAt',
  closed: 'closedAt',
};
