import type { Actor } from '../../core/auth/actor';
import type { IncidentLinkKind } from '../../core/incidents/incident.types';
import { insertIncidentLink } from '../../db/incidents/incident-parts.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { RequestContext } from '../auth/account-deps';
import type { IncidentDeps } from './incident-deps';
import { throwIfInvalid } from './incident-errors';
import { recordIncidentChange } from './record-incident-change';
import { requireIncident } from './require-incident';

/**
 * Links a vulnerability match (issue 13) or a probe result (issue 14) to an incident by id and
 * label only: those records belong to other features, so nothing here reads their tables.
 * Linking the same one again changes nothing.
 */
export async function linkIncidentReference(
  deps: IncidentDeps,
  input: {
    actor: Actor;
    incidentId: string;
    link: { kind: IncidentLinkKind; id: string; label: string };
    context?: RequestContext;
  },
): Promise<{ linked: boolean }> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const at = deps.clock();
  const id = input.link.id.trim();
  const label = input.link.label.trim();
  throwIfInvalid('link', [
    ...(id === '' ? [{ field: 'id', reason: 'must not be blank', code: 'blank' as const }] : []),
    ...(label === '' ? [{ field: 'label', reason: 'must not be blank', code: 'blank' as const }] : []),
  ]);
  return deps.database.db.transaction().execute(async (transaction) => {
    const incident = await requireIncident(transaction, organisationId, input.incidentId);
    const linked = await insertIncidentLink(transaction, organisationId, incident.id, {
      kind: input.link.kind,
      id,
      label,
      linkedAt: at.toISOString(),
    });
    if (linked)
      await recordIncidentChange(transaction, {
        actor,
        context: input.context,
        at,
        organisationId,
        incidentId: incident.id,
        action: 'incident.link',
        audit: { after: { kind: input.link.kind, id, label } },
        entry: { kind: 'link', body: label, details: { target: input.link.kind, id } },
      });
    return { linked };
  });
}
