import type { Actor } from '../../core/auth/actor';
import type { Incident } from '../../core/incidents/incident.types';
import { insertIncidentSteps } from '../../db/incidents/incident-parts.repository';
import { findPlaybook } from '../../db/incidents/playbook.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { RequestContext } from '../auth/account-deps';
import { createIncident } from './create-incident';
import type { IncidentDeps } from './incident-deps';
import { incidentNotFound } from './incident-errors';

/**
 * Starts a drill (item 30): an incident marked drill, on the playbook's system, with the
 * playbook's steps copied so each can be timed (start, done or failed) — later edits of the
 * playbook do not change a drill already run. Severity low; figures keep drills apart.
 */
export async function startDrill(
  deps: IncidentDeps,
  input: { actor: Actor; playbookId: string; title?: string; detectedAt?: string; context?: RequestContext },
): Promise<Incident> {
  const { organisationId } = requireOrganisation(input.actor);
  const playbook = await findPlaybook(deps.database.db, organisationId, input.playbookId);
  if (!playbook) throw incidentNotFound('playbook');
  return createIncident(deps, {
    actor: input.actor,
    incident: {
      title: input.title ?? `Drill: ${playbook.title}`,
      severity: 'low',
      detectedAt: input.detectedAt ?? deps.clock().toISOString(),
      systemIds: [playbook.systemId],
    },
    drill: { playbookId: playbook.id },
    ...(input.context ? { context: input.context } : {}),
    afterInsert: (transaction, incident) =>
      insertIncidentSteps(
        transaction,
        organisationId,
        incident.id,
        playbook.steps.map((step, index) => ({
          index,
          title: step.title,
          ownerStakeholderId: step.ownerStakeholderId,
          expectedMinutes: step.expectedMinutes,
          startedAt: null,
          endedAt: null,
          outcome: null,
          note: '',
        })),
      ),
  });
}
