import {
  INCIDENT_STATUSES,
  STATUS_TIME_FIELDS,
  type Incident,
  type IncidentStatus,
  type IncidentTimes,
} from './incident.types';

/** True when `to` lies ahead of `from` (steps may be skipped; nothing goes back, closed ends the line). */
export function canAdvance(from: IncidentStatus, to: IncidentStatus): boolean {
  return INCIDENT_STATUSES.indexOf(to) > INCIDENT_STATUSES.indexOf(from);
}

/**
 * The incident moved to `to` at `at`: the status and its time column are set; skipped steps keep
 * no time (they were not observed). The caller has checked canAdvance.
 */
export function advanceIncident(incident: Incident, to: IncidentStatus, at: string): Incident {
  const field: keyof IncidentTimes = STATUS_TIME_FIELDS[to];
  return { ...incident, status: to, [field]: at };
}

/** Back from closed to the status it was closed from, with the closing time cleared (a reopen). */
export function reopenIncident(incident: Incident, previous: IncidentStatus): Incident {
  return { ...incident, status: previous === 'closed' ? 'recovered' : previous, closedAt: null };
}
