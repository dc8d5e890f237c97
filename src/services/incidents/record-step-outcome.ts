import type { Actor } from '../../core/auth/actor';
import type { IncidentStep, StepOutcome } from '../../core/incidents/incident.types';
import { listIncidentSteps, updateIncidentStep } from '../../db/incidents/incident-parts.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { RequestContext } from '../auth/account-deps';
import type { IncidentDeps } from './incident-deps';
import { incidentConflict, incidentNotFound } from './incident-errors';
import { recordIncidentChange } from './record-incident-change';
import { requireIncident } from './require-incident';

/**
 * Records a step of a drill: `started` stamps its start (once); `done` or `failed` ends it (a step
 * not started is taken as started now) with a note on what happened. A step ends once. Each is a
 * `step` timeline entry and audited; the duration follows from the two times.
 */
export async function recordStepOutcome(
  deps: IncidentDeps,
  input: {
    actor: Actor;
    incidentId: string;
    index: number;
    outcome: StepOutcome;
    note?: string;
    context?: RequestContext;
  },
): Promise<IncidentStep> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const at = deps.clock();
  const now = at.toISOString();
  return deps.database.db.transaction().execute(async (transaction) => {
    const incident = await requireIncident(transaction, organisationId, input.incidentId);
    const step = (await listIncidentSteps(transaction, organisationId, incident.id)).find(
      (candidate) => candidate.index === input.index,
    );
    if (!step) throw incidentNotFound();
    const refuse = (reason: string) =>
      incidentConflict(`Step ${input.index} ${reason}.`, { field: 'outcome', reason, code: 'not_allowed_value' }, step);
    if (step.endedAt !== null) throw refuse('has ended already');
    if (input.outcome === 'started' && step.startedAt !== null) throw refuse('has started already');
    const note = input.note?.trim() ?? '';
    const after: IncidentStep =
      input.outcome === 'started'
        ? { ...step, startedAt: now, outcome: 'started', note: note || step.note }
        : { ...step, startedAt: step.startedAt ?? now, endedAt: now, outcome: input.outcome, note: note || step.note };
    await updateIncidentStep(transaction, organisationId, incident.id, after);
    await recordIncidentChange(transaction, {
      actor,
      context: input.context,
      at,
      organisationId,
      incidentId: incident.id,
      action: 'incident.step',
      audit: { after: { index: step.index, outcome: input.outcome } },
      entry: { kind: 'step', body: note, details: { index: step.index, title: step.title, outcome: input.outcome } },
    });
    return after;
  });
}
