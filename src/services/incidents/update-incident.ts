import type { Actor } from '../../core/auth/actor';
import type { Incident, IncidentSeverity } from '../../core/incidents/incident.types';
import { updateIncidentRow } from '../../db/incidents/incident.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { RequestContext } from '../auth/account-deps';
import type { IncidentDeps } from './incident-deps';
import { incidentConflict, throwIfInvalid } from './incident-errors';
import { presentIncidentSummary } from './present-incident';
import { recordIncidentChange } from './record-incident-change';
import { requireIncident } from './require-incident';

/** The fields to change (left out = unchanged) and the version they were edited from. */
export interface IncidentChanges {
  readonly title?: string;
  readonly description?: string;
  readonly severity?: IncidentSeverity;
  readonly expectedVersion: number;
}

/** CONFLICT with the stored incident when `expectedVersion` is stale. */
export function requireVersion(incident: Incident, expectedVersion: number): void {
  if (incident.version !== expectedVersion)
    throw incidentConflict(
      'Someone else changed this incident first; here is what is stored now.',
      { field: 'expectedVersion', reason: `stored version is ${incident.version}` },
      presentIncidentSummary(incident),
    );
}

/**
 * Changes an incident's title, description or severity (optimistic: a stale version gets CONFLICT
 * with the stored incident). A changed severity is also a `decision` on the timeline. Audited.
 */
export async function updateIncident(
  deps: IncidentDeps,
  input: { actor: Actor; incidentId: string; changes: IncidentChanges; context?: RequestContext },
): Promise<Incident> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const at = deps.clock();
  const { changes } = input;
  if (changes.title !== undefined && changes.title.trim() === '')
    throwIfInvalid('incident', [{ field: 'title', reason: 'needs 1–200 characters', code: 'blank' }]);
  return deps.database.db.transaction().execute(async (transaction) => {
    const before = await requireIncident(transaction, organisationId, input.incidentId);
    requireVersion(before, changes.expectedVersion);
    const merged: Incident = {
      ...before,
      ...(changes.title !== undefined ? { title: changes.title.trim() } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      ...(changes.severity !== undefined ? { severity: changes.severity } : {}),
    };
    const changed = (['title', 'description', 'severity'] as const).filter((field) => merged[field] !== before[field]);
    if (changed.length === 0) return before;
    const after: Incident = { ...merged, version: before.version + 1, updatedAt: at.toISOString() };
    if (!(await updateIncidentRow(transaction, organisationId, after, before.version))) requireVersion(before, -1);
    await recordIncidentChange(transaction, {
      actor,
      context: input.context,
      at,
      organisationId,
      incidentId: after.id,
      action: 'incident.update',
      audit: {
        before: Object.fromEntries(changed.map((field) => [field, before[field]])),
        after: Object.fromEntries(changed.map((field) => [field, after[field]])),
      },
      ...(after.severity !== before.severity
        ? {
            entry: {
              kind: 'decision' as const,
              body: '',
              details: { severityFrom: before.severity, severityTo: after.severity },
            },
          }
        : {}),
    });
    return after;
  });
}
