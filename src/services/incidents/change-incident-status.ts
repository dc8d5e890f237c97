import type { Actor } from '../../core/auth/actor';
import { advanceIncident, canAdvance } from '../../core/incidents/incident-status';
import type { Incident, IncidentStatus } from '../../core/incidents/incident.types';
import { updateIncidentRow } from '../../db/incidents/incident.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { RequestContext } from '../auth/account-deps';
import type { IncidentDeps } from './incident-deps';
import { incidentConflict } from './incident-errors';
import { presentIncidentSummary } from './present-incident';
import { recordIncidentChange } from './record-incident-change';
import { requireIncident } from './require-incident';
import { requireVersion } from './update-incident';

/** CONFLICT (with the stored incident) when the incident cannot move from its status to `to`. */
export function requireForwardMove(incident: Incident, to: IncidentStatus): void {
  if (!canAdvance(incident.status, to))
    throw incidentConflict(
      `An incident cannot go from ${incident.status} to ${to}: it only moves forward.`,
      { field: 'status', reason: `not allowed from ${incident.status}`, code: 'not_allowed_value' },
      presentIncidentSummary(incident),
    );
}

/**
 * Moves an incident forward (detected → triaged → contained → eradicated → recovered; steps may be
 * skipped, never gone back to), timing the new status. Closing has its own use case (with lessons).
 * A `status` timeline entry (with the note) and the audit entry in the same transaction.
 */
export async function changeIncidentStatus(
  deps: IncidentDeps,
  input: {
    actor: Actor;
    incidentId: string;
    status: Exclude<IncidentStatus, 'closed' | 'detected'>;
    note?: string;
    expectedVersion: number;
    context?: RequestContext;
  },
): Promise<Incident> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const at = deps.clock();
  return deps.database.db.transaction().execute(async (transaction) => {
    const before = await requireIncident(transaction, organisationId, input.incidentId);
    requireVersion(before, input.expectedVersion);
    requireForwardMove(before, input.status);
    const after: Incident = {
      ...advanceIncident(before, input.status, at.toISOString()),
      version: before.version + 1,
      updatedAt: at.toISOString(),
    };
    if (!(await updateIncidentRow(transaction, organisationId, after, before.version))) requireVersion(before, -1);
    await recordIncidentChange(transaction, {
      actor,
      context: input.context,
      at,
      organisationId,
      incidentId: after.id,
      action: 'incident.status',
      audit: { before: { status: before.status }, after: { status: after.status } },
      entry: { kind: 'status', body: input.note?.trim() ?? '', details: { from: before.status, to: after.status } },
    });
    return after;
  });
}
