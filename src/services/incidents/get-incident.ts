import type { IncidentDetailView, IncidentStepView } from '../../contracts/incidents/incident.schema';
import type { Actor } from '../../core/auth/actor';
import { incidentFigures } from '../../core/incidents/incident-figures';
import type { IncidentStep } from '../../core/incidents/incident.types';
import { listLessons } from '../../db/incidents/incident-lesson.repository';
import {
  listIncidentDevices,
  listIncidentEvidence,
  listIncidentLinks,
  listIncidentSteps,
} from '../../db/incidents/incident-parts.repository';
import { listTimeline } from '../../db/incidents/incident-timeline.repository';
import { findStakeholder } from '../../db/inventory/stakeholder.repository';
import type { Database } from '../../db/database';
import { requireOrganisation } from '../accounts/require-user';
import { presentIncidentSummary } from './present-incident';
import { requireIncident } from './require-incident';

/** Minutes a step took (ended − started), one decimal; null while it has not both started and ended. */
export function stepMinutes(step: IncidentStep): number | null {
  if (step.startedAt === null || step.endedAt === null) return null;
  return Math.round((Date.parse(step.endedAt) - Date.parse(step.startedAt)) / 6000) / 10;
}

/**
 * One incident with everything it collected: devices (with the facts a vendor needs), the whole
 * timeline, evidence, lessons, links, drill steps (with durations) and its figures.
 */
export async function getIncident(
  deps: { readonly database: Database },
  input: { actor: Actor; incidentId: string },
): Promise<IncidentDetailView> {
  const { organisationId } = requireOrganisation(input.actor);
  const db = deps.database.db;
  const incident = await requireIncident(db, organisationId, input.incidentId);
  const [devices, timeline, evidence, lessons, links, steps] = await Promise.all([
    listIncidentDevices(db, organisationId, incident.id),
    listTimeline(db, organisationId, incident.id),
    listIncidentEvidence(db, organisationId, incident.id),
    listLessons(db, organisationId, { incidentId: incident.id }),
    listIncidentLinks(db, organisationId, incident.id),
    listIncidentSteps(db, organisationId, incident.id),
  ]);
  const ownerNames = new Map<string, string | null>();
  for (const step of steps)
    if (step.ownerStakeholderId && !ownerNames.has(step.ownerStakeholderId))
      ownerNames.set(
        step.ownerStakeholderId,
        (await findStakeholder(db, organisationId, step.ownerStakeholderId))?.name ?? null,
      );
  const stepViews: IncidentStepView[] = steps.map((step) => ({
    ...step,
    ownerName: step.ownerStakeholderId ? (ownerNames.get(step.ownerStakeholderId) ?? null) : null,
    minutes: stepMinutes(step),
  }));
  return {
    ...presentIncidentSummary(incident),
    description: incident.description,
    devices: devices.map(({ maintainerProviderId: _provider, ...device }) => device),
    timeline: timeline.map((entry) => ({ ...entry, details: { ...entry.details } })),
    evidence,
    lessons: lessons.map(
      ({ incidentNumber: _number, incidentTitle: _title, incidentSeverity: _severity, ...lesson }) => lesson,
    ),
    links: [...links],
    steps: stepViews,
    figures: incidentFigures(incident),
  };
}
