import type { Actor } from '../../core/auth/actor';
import { findEvidence } from '../../db/evidence.repository';
import { insertIncidentEvidence } from '../../db/incidents/incident-parts.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { RequestContext } from '../auth/account-deps';
import type { IncidentDeps } from './incident-deps';
import { throwIfInvalid } from './incident-errors';
import { recordIncidentChange } from './record-incident-change';
import { requireIncident } from './require-incident';

/**
 * Links evidence of the organisation (uploaded through the evidence store first: logs, captures,
 * files kept for forensics) to an incident, with an `evidence` timeline entry carrying its sha256.
 * Linking it again changes nothing.
 */
export async function linkIncidentEvidence(
  deps: IncidentDeps,
  input: { actor: Actor; incidentId: string; evidenceId: string; context?: RequestContext },
): Promise<{ linked: boolean }> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const at = deps.clock();
  return deps.database.db.transaction().execute(async (transaction) => {
    const incident = await requireIncident(transaction, organisationId, input.incidentId);
    const evidence = await findEvidence(transaction, organisationId, input.evidenceId);
    if (!evidence)
      throwIfInvalid('evidence link', [
        { field: 'evidenceId', reason: 'no such evidence in this organisation', code: 'invalid_value' },
      ]);
    const linked = await insertIncidentEvidence(transaction, {
      organisationId,
      incidentId: incident.id,
      evidenceId: evidence!.id,
      linkedAt: at.toISOString(),
      linkedBy: actor.userId === '' ? null : actor.userId,
    });
    if (linked)
      await recordIncidentChange(transaction, {
        actor,
        context: input.context,
        at,
        organisationId,
        incidentId: incident.id,
        action: 'incident.evidence',
        audit: { after: { evidenceId: evidence!.id } },
        entry: {
          kind: 'evidence',
          body: evidence!.title,
          details: { evidenceId: evidence!.id, sha256: evidence!.sha256, kind: evidence!.kind },
        },
      });
    return { linked };
  });
}
