import type { IncidentSummaryView } from '../../contracts/incidents/incident.schema';
import { incidentReference, type Incident } from '../../core/incidents/incident.types';

/** An incident as lists show it. */
export function presentIncidentSummary(incident: Incident): IncidentSummaryView {
  return {
    id: incident.id,
    number: incident.number,
    reference: incidentReference(incident.number),
    title: incident.title,
    severity: incident.severity,
    status: incident.status,
    drill: incident.drill,
    playbookId: incident.playbookId,
    systemIds: [...incident.systemIds],
    occurredAt: incident.occurredAt,
    detectedAt: incident.detectedAt,
    reportedAt: incident.reportedAt,
    triagedAt: incident.triagedAt,
    containedAt: incident.containedAt,
    eradicatedAt: incident.eradicatedAt,
    recoveredAt: incident.recoveredAt,
    closedAt: incident.closedAt,
    version: incident.version,
    createdAt: incident.createdAt,
    updatedAt: incident.updatedAt,
  };
}
