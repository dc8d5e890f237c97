import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Priority } from '../../core/assessment/assessment.types';
import type { UserActor } from '../../core/auth/actor';
import { incidentReference, type IncidentSeverity } from '../../core/incidents/incident.types';
import type { DatabaseSchema } from '../../db/database';
import { insertFinding } from '../../db/finding.repository';
import { listLessons, markLessonCarried } from '../../db/incidents/incident-lesson.repository';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';

const PRIORITY_OF_SEVERITY: Readonly<Record<IncidentSeverity, Priority>> = {
  critical: 'high',
  high: 'high',
  medium: 'medium',
  low: 'low',
};

/** The assessment lessons flow into: its system and framework decide which lessons it takes. */
export interface LessonTarget {
  readonly id: string;
  readonly systemId: string;
  readonly frameworkId: string;
}

/**
 * Turns the system's pending lessons learned (items 57, 59) into open findings of `assessment`,
 * inside the caller's transaction: each on the item it concerns (only items of the assessment's
 * framework), issue = lesson, with its recommendation, owner and due date, impact naming the
 * incident; priority follows the incident's severity. Each lesson records where it went, and each
 * finding is audited like any other. Returns the number carried.
 */
export async function carryPendingLessons(
  transaction: Transaction<DatabaseSchema>,
  input: {
    actor: UserActor;
    organisationId: string;
    assessment: LessonTarget;
    at: Date;
    context?: RequestContext | undefined;
  },
): Promise<number> {
  const { organisationId, assessment } = input;
  const pending = (
    await listLessons(transaction, organisationId, { systemId: assessment.systemId, pending: true })
  ).filter((lesson) => lesson.itemId.startsWith(`${assessment.frameworkId}:`));
  const now = input.at.toISOString();
  for (const lesson of pending) {
    const finding = {
      id: randomUUID(),
      organisationId,
      assessmentId: assessment.id,
      itemId: lesson.itemId,
      deviceId: null,
      issue: lesson.lesson,
      impact: `${incidentReference(lesson.incidentNumber)} ${lesson.incidentTitle}`,
      recommendation: lesson.recommendation,
      priority: PRIORITY_OF_SEVERITY[lesson.incidentSeverity],
      ownerName: lesson.owner,
      dueDate: lesson.due,
      status: 'open' as const,
      acceptedBy: null,
      acceptedReason: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await insertFinding(transaction, finding);
    await markLessonCarried(transaction, organisationId, lesson.id, {
      assessmentId: assessment.id,
      findingId: finding.id,
    });
    await recordAudit(transaction, input.actor, input.context, input.at, {
      organisationId,
      action: 'finding.create',
      targetType: 'finding',
      targetId: finding.id,
      after: {
        assessmentId: assessment.id,
        itemId: finding.itemId,
        issue: finding.issue,
        priority: finding.priority,
        status: finding.status,
        dueDate: finding.dueDate,
        fromLesson: lesson.id,
        incidentId: lesson.incidentId,
      },
    });
  }
  return pending.length;
}
