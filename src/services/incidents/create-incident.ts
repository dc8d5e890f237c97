import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Actor } from '../../core/auth/actor';
import type { ProblemDetail } from '../../core/domain-error';
import type { Incident, IncidentSeverity } from '../../core/incidents/incident.types';
import type { DatabaseSchema } from '../../db/database';
import { insertIncidentDevices } from '../../db/incidents/incident-parts.repository';
import { insertIncident, nextIncidentNumber } from '../../db/incidents/incident.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { RequestContext } from '../auth/account-deps';
import type { IncidentDeps } from './incident-deps';
import { parseMoment, throwIfInvalid } from './incident-errors';
import { missingIncidentRefProblems } from './incident-refs';
import { recordIncidentChange } from './record-incident-change';

/** What a new incident is made of. Moments are ISO-8601 with a zone. */
export interface IncidentInput {
  readonly title: string;
  readonly description?: string;
  readonly severity: IncidentSeverity;
  readonly detectedAt: string;
  readonly occurredAt?: string;
  readonly systemIds: readonly string[];
  readonly deviceIds?: readonly number[];
}

/** Problems with a new incident's own fields (titles, moments, at least one system). */
export function incidentInputProblems(input: IncidentInput): {
  problems: ProblemDetail[];
  detectedAt: string | null;
  occurredAt: string | null;
} {
  const problems: ProblemDetail[] = [];
  if (input.title.trim() === '') problems.push({ field: 'title', reason: 'needs 1–200 characters', code: 'blank' });
  const detectedAt = parseMoment(input.detectedAt, 'detectedAt', problems);
  const occurredAt = input.occurredAt === undefined ? null : parseMoment(input.occurredAt, 'occurredAt', problems);
  if (detectedAt && occurredAt && occurredAt > detectedAt)
    problems.push({ field: 'occurredAt', reason: 'is after detectedAt', code: 'end_before_start' });
  if (input.systemIds.length === 0)
    problems.push({ field: 'systemIds', reason: 'name at least one system', code: 'missing' });
  return { problems, detectedAt, occurredAt };
}

/**
 * Opens an incident (status detected) with the organisation's next number, on systems and devices
 * of the organisation (others are refused by position). The first timeline entry, the device
 * links and the audit entry are written in the same transaction.
 */
export async function createIncident(
  deps: IncidentDeps,
  input: {
    actor: Actor;
    incident: IncidentInput;
    drill?: { playbookId: string };
    context?: RequestContext;
    /** Runs inside the transaction after the incident is stored (drills copy their steps here). */
    afterInsert?: (transaction: Transaction<DatabaseSchema>, incident: Incident) => Promise<void>;
  },
): Promise<Incident> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const at = deps.clock();
  const given = input.incident;
  const { problems, detectedAt, occurredAt } = incidentInputProblems(given);
  throwIfInvalid('incident', problems);
  return deps.database.db.transaction().execute(async (transaction) => {
    throwIfInvalid('incident', await missingIncidentRefProblems(transaction, organisationId, given));
    const incident: Incident = {
      id: randomUUID(),
      number: await nextIncidentNumber(transaction, organisationId),
      title: given.title.trim(),
      description: given.description ?? '',
      severity: given.severity,
      status: 'detected',
      systemIds: [...given.systemIds],
      drill: input.drill !== undefined,
      playbookId: input.drill?.playbookId ?? null,
      occurredAt,
      detectedAt: detectedAt!,
      reportedAt: null,
      triagedAt: null,
      containedAt: null,
      eradicatedAt: null,
      recoveredAt: null,
      closedAt: null,
      version: 1,
      createdBy: actor.userId === '' ? null : actor.userId,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
    };
    await insertIncident(transaction, organisationId, incident);
    const deviceIds = await insertIncidentDevices(
      transaction,
      organisationId,
      incident.id,
      given.deviceIds ?? [],
      at.toISOString(),
    );
    await recordIncidentChange(transaction, {
      actor,
      context: input.context,
      at,
      organisationId,
      incidentId: incident.id,
      action: incident.drill ? 'incident.drill_started' : 'incident.create',
      audit: {
        after: {
          number: incident.number,
          title: incident.title,
          severity: incident.severity,
          systemIds: incident.systemIds,
          deviceIds,
          detectedAt: incident.detectedAt,
          ...(incident.playbookId ? { playbookId: incident.playbookId } : {}),
        },
      },
      entry: {
        kind: 'status',
        body: '',
        details: { from: null, to: 'detected', drill: incident.drill, devices: deviceIds.length },
      },
    });
    await input.afterInsert?.(transaction, incident);
    return incident;
  });
}
