import type { Actor } from '../../core/auth/actor';
import { reopenIncident as reopened } from '../../core/incidents/incident-status';
import { INCIDENT_STATUSES, type Incident, type IncidentStatus } from '../../core/incidents/incident.types';
import { listTimeline } from '../../db/incidents/incident-timeline.repository';
import { updateIncidentRow } from '../../db/incidents/incident.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { RequestContext } from '../auth/account-deps';
import type { IncidentDeps } from './incident-deps';
import { incidentConflict } from './incident-errors';
import { presentIncidentSummary } from './present-incident';
import { recordIncidentChange } from './record-incident-change';
import { requireIncident } from './require-incident';
import { requireVersion } from './update-incident';

/**
 * Reopens a closed incident: back to the status it was closed from (the last closing entry of its
 * timeline says which), closing time cleared. The one way back, and itself a `status` timeline
 * entry (marked reopen). Lessons already stored stay. Audited.
 */
export async function reopenIncident(
  deps: IncidentDeps,
  input: { actor: Actor; incidentId: string; note?: string; expectedVersion: number; context?: RequestContext },
): Promise<Incident> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const at = deps.clock();
  return deps.database.db.transaction().execute(async (transaction) => {
    const before = await requireIncident(transaction, organisationId, input.incidentId);
    requireVersion(before, input.expectedVersion);
    if (before.status !== 'closed')
      throw incidentConflict(
        'Only a closed incident can be reopened.',
        { field: 'status', reason: `is ${before.status}`, code: 'not_allowed_value' },
        presentIncidentSummary(before),
      );
    const closing = (await listTimeline(transaction, organisationId, before.id))
      .filter((entry) => entry.kind === 'status' && entry.details['to'] === 'closed')
      .at(-1);
    const from = closing?.details['from'];
    const previous: IncidentStatus =
      typeof from === 'string' && (INCIDENT_STATUSES as readonly string[]).includes(from)
        ? (from as IncidentStatus)
        : 'recovered';
    const after: Incident = {
      ...reopened(before, previous),
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
      action: 'incident.reopen',
      audit: { before: { status: 'closed' }, after: { status: after.status } },
      entry: {
        kind: 'status',
        body: input.note?.trim() ?? '',
        details: { from: 'closed', to: after.status, reopen: true },
      },
    });
    return after;
  });
}
