import type { Kysely, Selectable } from 'kysely';
import type { IncidentLesson, IncidentSeverity } from '../../core/incidents/incident.types';
import type { DatabaseSchema } from '../database';
import type { IncidentLessonTable } from './incident.table';

type Db = Kysely<DatabaseSchema>;

const toLesson = (row: Selectable<IncidentLessonTable>): IncidentLesson => ({
  id: row.id,
  incidentId: row.incident_id,
  systemId: row.system_id,
  itemId: row.item_id,
  lesson: row.lesson,
  recommendation: row.recommendation,
  owner: row.owner,
  due: row.due,
  carriedToAssessmentId: row.carried_to_assessment_id,
  carriedFindingId: row.carried_finding_id,
  createdAt: row.created_at,
});

/** Stores lessons learned of an incident. */
export async function insertLessons(db: Db, organisationId: string, lessons: readonly IncidentLesson[]): Promise<void> {
  if (lessons.length === 0) return;
  await db
    .insertInto('incident_lesson')
    .values(
      lessons.map((lesson) => ({
        id: lesson.id,
        incident_id: lesson.incidentId,
        organisation_id: organisationId,
        system_id: lesson.systemId,
        item_id: lesson.itemId,
        lesson: lesson.lesson,
        recommendation: lesson.recommendation,
        owner: lesson.owner,
        due: lesson.due,
        carried_to_assessment_id: lesson.carriedToAssessmentId,
        carried_finding_id: lesson.carriedFindingId,
        created_at: lesson.createdAt,
      })),
    )
    .execute();
}

/** What a list of lessons may be narrowed to. `pending`: not yet carried into an assessment. */
export interface LessonFilter {
  readonly incidentId?: string;
  readonly systemId?: string;
  readonly itemId?: string;
  readonly pending?: boolean;
}

/** The organisation's lessons with their incident's number and title, oldest first. */
export async function listLessons(db: Db, organisationId: string, filter: LessonFilter = {}) {
  let query = db
    .selectFrom('incident_lesson')
    .innerJoin('incident', 'incident.id', 'incident_lesson.incident_id')
    .selectAll('incident_lesson')
    .select([
      'incident.number as incident_number',
      'incident.title as incident_title',
      'incident.severity as incident_severity',
    ])
    .where('incident_lesson.organisation_id', '=', organisationId);
  if (filter.incidentId) query = query.where('incident_lesson.incident_id', '=', filter.incidentId);
  if (filter.systemId) query = query.where('incident_lesson.system_id', '=', filter.systemId);
  if (filter.itemId) query = query.where('incident_lesson.item_id', '=', filter.itemId);
  if (filter.pending !== undefined)
    query = query.where('incident_lesson.carried_finding_id', filter.pending ? 'is' : 'is not', null);
  const rows = await query.orderBy('incident_lesson.created_at').orderBy('incident_lesson.id').execute();
  return rows.map((row) => ({
    ...toLesson(row),
    incidentNumber: Number(row.incident_number),
    incidentTitle: row.incident_title,
    incidentSeverity: row.incident_severity as IncidentSeverity,
  }));
}

/** Records where a lesson went: the assessment and the finding made from it. */
export async function markLessonCarried(
  db: Db,
  organisationId: string,
  lessonId: string,
  carried: { assessmentId: string; findingId: string },
): Promise<void> {
  await db
    .updateTable('incident_lesson')
    .set({ carried_to_assessment_id: carried.assessmentId, carried_finding_id: carried.findingId })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', lessonId)
    .execute();
}
