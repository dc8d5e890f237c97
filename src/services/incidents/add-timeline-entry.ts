import type { Actor } from '../../core/auth/actor';
import type { TimelineEntry, WrittenTimelineKind } from '../../core/incidents/incident.types';
import { listTimeline } from '../../db/incidents/incident-timeline.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { RequestContext } from '../auth/account-deps';
import type { IncidentDeps } from './incident-deps';
import { throwIfInvalid } from './incident-errors';
import { recordIncidentChange } from './record-incident-change';
import { requireIncident } from './require-incident';

/**
 * Appends a note, a decision or a correction to an incident's timeline. Entries are never changed:
 * a correction is a new entry naming (correctsSeq) an earlier entry of the same incident, which
 * stays as it was. Allowed on closed incidents too (a record may be corrected after the fact). Audited.
 */
export async function addTimelineEntry(
  deps: IncidentDeps,
  input: {
    actor: Actor;
    incidentId: string;
    kind: WrittenTimelineKind;
    body: string;
    correctsSeq?: number;
    context?: RequestContext;
  },
): Promise<TimelineEntry> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const at = deps.clock();
  const body = input.body.trim();
  throwIfInvalid('timeline entry', [
    ...(body === '' ? [{ field: 'body', reason: 'must not be blank', code: 'blank' as const }] : []),
    ...(input.kind === 'correction' && input.correctsSeq === undefined
      ? [{ field: 'correctsSeq', reason: 'a correction names the entry it corrects', code: 'missing' as const }]
      : []),
    ...(input.kind !== 'correction' && input.correctsSeq !== undefined
      ? [{ field: 'correctsSeq', reason: 'only a correction names an entry', code: 'unexpected_field' as const }]
      : []),
  ]);
  return deps.database.db.transaction().execute(async (transaction) => {
    const incident = await requireIncident(transaction, organisationId, input.incidentId);
    if (input.correctsSeq !== undefined) {
      const timeline = await listTimeline(transaction, organisationId, incident.id);
      if (!timeline.some((entry) => entry.seq === input.correctsSeq))
        throwIfInvalid('timeline entry', [
          { field: 'correctsSeq', reason: `no entry ${input.correctsSeq} in this incident`, code: 'invalid_value' },
        ]);
    }
    const entry = await recordIncidentChange(transaction, {
      actor,
      context: input.context,
      at,
      organisationId,
      incidentId: incident.id,
      action: 'incident.timeline',
      audit: {
        after: { kind: input.kind, ...(input.correctsSeq !== undefined ? { correctsSeq: input.correctsSeq } : {}) },
      },
      entry: { kind: input.kind, body, correctsSeq: input.correctsSeq ?? null },
    });
    return entry!;
  });
}
