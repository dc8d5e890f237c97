import { createHash } from 'node:crypto';
import type { Actor } from '../../core/auth/actor';
import type { NotificationKind, TimelineEntry } from '../../core/incidents/incident.types';
import { markIncidentReported } from '../../db/incidents/incident.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { RequestContext } from '../auth/account-deps';
import type { IncidentDeps } from './incident-deps';
import { throwIfInvalid } from './incident-errors';
import { recordIncidentChange } from './record-incident-change';
import { requireIncident } from './require-incident';

/** The sha256 (hex) of a sent notification: subject, a blank line, body — what the timeline keeps as proof. */
export function notificationHash(subject: string, body: string): string {
  return createHash('sha256').update(`${subject}\n\n${body}`, 'utf8').digest('hex');
}

/**
 * Records that a notification was sent (iotcheck does not send mail: people send it, e.g. through
 * the mailto link, and record it here): a `notification` timeline entry with the subject, the
 * recipient and manufacturer when given, and the sha256 of the text sent. The first `first_report`
 * sets the incident's reported time. Audited.
 */
export async function recordNotification(
  deps: IncidentDeps,
  input: {
    actor: Actor;
    incidentId: string;
    notification: { kind: NotificationKind; manufacturer?: string; recipient?: string; subject: string; body: string };
    context?: RequestContext;
  },
): Promise<TimelineEntry> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const at = deps.clock();
  const { notification } = input;
  throwIfInvalid('notification', [
    ...(notification.subject.trim() === ''
      ? [{ field: 'subject', reason: 'must not be blank', code: 'blank' as const }]
      : []),
    ...(notification.body.trim() === ''
      ? [{ field: 'body', reason: 'must not be blank', code: 'blank' as const }]
      : []),
  ]);
  const sha256 = notificationHash(notification.subject, notification.body);
  return deps.database.db.transaction().execute(async (transaction) => {
    const incident = await requireIncident(transaction, organisationId, input.incidentId);
    if (notification.kind === 'first_report')
      await markIncidentReported(transaction, organisationId, incident.id, at.toISOString());
    const entry = await recordIncidentChange(transaction, {
      actor,
      context: input.context,
      at,
      organisationId,
      incidentId: incident.id,
      action: 'incident.notification',
      audit: { after: { kind: notification.kind, manufacturer: notification.manufacturer ?? null, sha256 } },
      entry: {
        kind: 'notification',
        body: notification.subject,
        details: {
          notificationKind: notification.kind,
          manufacturer: notification.manufacturer ?? null,
          recipient: notification.recipient ?? null,
          sha256,
        },
      },
    });
    return entry!;
  });
}
