import { randomUUID } from 'node:crypto';
import type { Actor } from '../../core/auth/actor';
import type { Catalog } from '../../core/catalog/catalog.types';
import type { ProblemDetail } from '../../core/domain-error';
import { advanceIncident } from '../../core/incidents/incident-status';
import type { Incident, IncidentLesson } from '../../core/incidents/incident.types';
import { listAssessments } from '../../db/assessment.repository';
import { insertLessons } from '../../db/incidents/incident-lesson.repository';
import { updateIncidentRow } from '../../db/incidents/incident.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { RequestContext } from '../auth/account-deps';
import { carryPendingLessons } from './carry-lessons';
import { requireForwardMove } from './change-incident-status';
import type { IncidentDeps } from './incident-deps';
import { throwIfInvalid } from './incident-errors';
import { recordIncidentChange } from './record-incident-change';
import { requireIncident } from './require-incident';
import { requireVersion } from './update-incident';

/** A lesson learned as given when closing. */
export interface LessonInput {
  readonly itemId: string;
  readonly lesson: string;
  readonly recommendation: string;
  readonly owner?: string;
  readonly due?: string;
  readonly systemId?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Assessment statuses that still take findings from lessons right away. */
const OPEN_ASSESSMENT = new Set(['planned', 'in_progress', 'in_review']);

/** Problems with the lessons, located as lessons[i].field. */
export function lessonProblems(catalog: Catalog, incident: Incident, lessons: readonly LessonInput[]): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  lessons.forEach((lesson, index) => {
    const at = (field: string) => `lessons[${index}].${field}`;
    if (catalog.nodes.get(lesson.itemId)?.kind !== 'item')
      problems.push({ field: at('itemId'), reason: `no checksheet item ${lesson.itemId}`, code: 'invalid_value' });
    if (lesson.lesson.trim() === '') problems.push({ field: at('lesson'), reason: 'must not be blank', code: 'blank' });
    if (lesson.due !== undefined && (!DAY.test(lesson.due) || Number.isNaN(Date.parse(lesson.due))))
      problems.push({ field: at('due'), reason: 'must be a date YYYY-MM-DD', code: 'not_a_date' });
    if (lesson.systemId !== undefined && !incident.systemIds.includes(lesson.systemId))
      problems.push({ field: at('systemId'), reason: 'is not a system of this incident', code: 'invalid_value' });
  });
  if (lessons.length > 0 && incident.systemIds.length === 0)
    problems.push({
      field: 'lessons',
      reason: 'the incident names no system to carry lessons to',
      code: 'invalid_value',
    });
  return problems;
}

/**
 * Closes an incident from any open status with its lessons learned (items 57, 59), each stored
 * with the item it concerns and the system it belongs to (default: the incident's first). An open
 * assessment of that system (planned, in progress or in review; the newest) takes them as findings
 * at once; otherwise they wait for the system's next assessment. One transaction: lessons, status,
 * timeline entry, findings and audit entries.
 */
export async function closeIncident(
  deps: IncidentDeps,
  input: {
    actor: Actor;
    incidentId: string;
    lessons: readonly LessonInput[];
    note?: string;
    expectedVersion: number;
    context?: RequestContext;
  },
): Promise<Incident> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const at = deps.clock();
  return deps.database.db.transaction().execute(async (transaction) => {
    const before = await requireIncident(transaction, organisationId, input.incidentId);
    requireVersion(before, input.expectedVersion);
    requireForwardMove(before, 'closed');
    throwIfInvalid('incident closure', lessonProblems(deps.catalog, before, input.lessons));
    const lessons: IncidentLesson[] = input.lessons.map((lesson) => ({
      id: randomUUID(),
      incidentId: before.id,
      systemId: lesson.systemId ?? before.systemIds[0]!,
      itemId: lesson.itemId,
      lesson: lesson.lesson.trim(),
      recommendation: lesson.recommendation.trim(),
      owner: lesson.owner?.trim() ?? '',
      due: lesson.due ?? null,
      carriedToAssessmentId: null,
      carriedFindingId: null,
      createdAt: at.toISOString(),
    }));
    await insertLessons(transaction, organisationId, lessons);
    const after: Incident = {
      ...advanceIncident(before, 'closed', at.toISOString()),
      version: before.version + 1,
      updatedAt: at.toISOString(),
    };
    if (!(await updateIncidentRow(transaction, organisationId, after, before.version))) requireVersion(before, -1);
    await recordIncidentChange(transaction, {
      actor,
      context: input.context,
      at,
      organisationId,
      incidentId: after.id,
      action: 'incident.close',
      audit: {
        before: { status: before.status },
        after: { status: 'closed', lessons: lessons.map((lesson) => ({ id: lesson.id, itemId: lesson.itemId })) },
      },
      entry: {
        kind: 'status',
        body: input.note?.trim() ?? '',
        details: { from: before.status, to: 'closed', lessons: lessons.length },
      },
    });
    for (const systemId of new Set(lessons.map((lesson) => lesson.systemId))) {
      const open = (await listAssessments(transaction, organisationId, { systemId })).find((assessment) =>
        OPEN_ASSESSMENT.has(assessment.status),
      );
      if (open)
        await carryPendingLessons(transaction, { actor, organisationId, assessment: open, at, context: input.context });
    }
    return after;
  });
}
