import type { Transaction } from 'kysely';
import type { UserActor } from '../../core/auth/actor';
import type { TimelineEntry, TimelineKind } from '../../core/incidents/incident.types';
import type { DatabaseSchema } from '../../db/database';
import { appendTimelineEntry } from '../../db/incidents/incident-timeline.repository';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';

/** Who an entry names: the member's e-mail, or `cli:<operator>` for the command line (as the audit trail does). */
export function actorLabelOf(actor: UserActor): string {
  return actor.via === 'cli' ? `cli:${actor.email}` : actor.email;
}

/**
 * Keeps one change of an incident twice inside the caller's transaction: as a timeline entry
 * (when `entry` is given) and as the audit event `action`. Returns the entry.
 */
export async function recordIncidentChange(
  transaction: Transaction<DatabaseSchema>,
  input: {
    actor: UserActor;
    context: RequestContext | undefined;
    at: Date;
    organisationId: string;
    incidentId: string;
    action: string;
    audit: { before?: unknown; after?: unknown };
    entry?: { kind: TimelineKind; body: string; correctsSeq?: number | null; details?: TimelineEntry['details'] };
  },
): Promise<TimelineEntry | undefined> {
  const entry = input.entry
    ? await appendTimelineEntry(transaction, input.organisationId, input.incidentId, {
        at: input.at.toISOString(),
        actorUserId: input.actor.userId === '' ? null : input.actor.userId,
        actorLabel: actorLabelOf(input.actor),
        kind: input.entry.kind,
        body: input.entry.body,
        correctsSeq: input.entry.correctsSeq ?? null,
        details: input.entry.details ?? {},
      })
    : undefined;
  await recordAudit(transaction, input.actor, input.context, input.at, {
    organisationId: input.organisationId,
    action: input.action,
    targetType: 'incident',
    targetId: input.incidentId,
    ...(input.audit.before !== undefined ? { before: input.audit.before } : {}),
    after: { ...(input.audit.after as object | undefined), ...(entry ? { seq: entry.seq } : {}) },
  });
  return entry;
}
