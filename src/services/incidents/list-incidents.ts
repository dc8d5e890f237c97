import type { IncidentSummaryView } from '../../contracts/incidents/incident.schema';
import type { Actor } from '../../core/auth/actor';
import type { Database } from '../../db/database';
import { listIncidents as listIncidentRows, type IncidentFilter } from '../../db/incidents/incident.repository';
import { requireOrganisation } from '../accounts/require-user';
import { presentIncidentSummary } from './present-incident';

/** The organisation's incidents and drills, newest first, narrowed by status, severity, system or drill. */
export async function listIncidents(
  deps: { readonly database: Database },
  input: { actor: Actor; filter?: IncidentFilter },
): Promise<IncidentSummaryView[]> {
  const { organisationId } = requireOrganisation(input.actor);
  const incidents = await listIncidentRows(deps.database.db, organisationId, input.filter ?? {});
  return incidents.map(presentIncidentSummary);
}
