import type { IncidentFigureListView } from '../../contracts/incidents/incident.schema';
import type { Actor } from '../../core/auth/actor';
import { incidentFigures, monthlyFigures } from '../../core/incidents/incident-figures';
import { incidentReference } from '../../core/incidents/incident.types';
import type { Database } from '../../db/database';
import { listIncidents } from '../../db/incidents/incident.repository';
import { requireOrganisation } from '../accounts/require-user';

/**
 * Time to detect, report, contain and recover per incident (oldest first), and monthly medians:
 * real incidents and drills in separate series, so exercises never flatter the real figures.
 */
export async function getIncidentFigures(
  deps: { readonly database: Database },
  input: { actor: Actor },
): Promise<IncidentFigureListView> {
  const { organisationId } = requireOrganisation(input.actor);
  const incidents = (await listIncidents(deps.database.db, organisationId)).reverse().map((incident) => ({
    id: incident.id,
    reference: incidentReference(incident.number),
    title: incident.title,
    drill: incident.drill,
    detectedAt: incident.detectedAt,
    ...incidentFigures(incident),
  }));
  return {
    incidents,
    monthly: monthlyFigures(incidents.filter((incident) => !incident.drill)),
    drillMonthly: monthlyFigures(incidents.filter((incident) => incident.drill)),
  };
}
