import type { Actor } from '../../core/auth/actor';
import { insertIncidentDevices } from '../../db/incidents/incident-parts.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { RequestContext } from '../auth/account-deps';
import type { IncidentDeps } from './incident-deps';
import { throwIfInvalid } from './incident-errors';
import { missingIncidentRefProblems } from './incident-refs';
import { recordIncidentChange } from './record-incident-change';
import { requireIncident } from './require-incident';

/**
 * Adds devices of the inventory to an incident (unknown or another organisation's ids are refused
 * by position; already linked ones change nothing). A `link` timeline entry names the added ids.
 */
export async function addIncidentDevices(
  deps: IncidentDeps,
  input: { actor: Actor; incidentId: string; deviceIds: readonly number[]; context?: RequestContext },
): Promise<{ added: number[] }> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const at = deps.clock();
  return deps.database.db.transaction().execute(async (transaction) => {
    const incident = await requireIncident(transaction, organisationId, input.incidentId);
    throwIfInvalid('device list', await missingIncidentRefProblems(transaction, organisationId, input));
    const added = await insertIncidentDevices(
      transaction,
      organisationId,
      incident.id,
      input.deviceIds,
      at.toISOString(),
    );
    if (added.length > 0)
      await recordIncidentChange(transaction, {
        actor,
        context: input.context,
        at,
        organisationId,
        incidentId: incident.id,
        action: 'incident.devices',
        audit: { after: { deviceIds: added } },
        entry: { kind: 'link', body: '', details: { target: 'devices', deviceIds: added.join(',') } },
      });
    return { added };
  });
}
