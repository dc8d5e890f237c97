import type { LessonListView } from '../../contracts/incidents/incident.schema';
import type { Actor } from '../../core/auth/actor';
import { incidentReference } from '../../core/incidents/incident.types';
import type { Database } from '../../db/database';
import { listLessons as listLessonRows, type LessonFilter } from '../../db/incidents/incident-lesson.repository';
import { requireOrganisation } from '../accounts/require-user';

/** Lessons learned of the organisation's incidents, e.g. the pending ones of a system's item (shown on the item). */
export async function listLessons(
  deps: { readonly database: Database },
  input: { actor: Actor; filter?: LessonFilter },
): Promise<LessonListView['lessons']> {
  const { organisationId } = requireOrganisation(input.actor);
  const lessons = await listLessonRows(deps.database.db, organisationId, input.filter ?? {});
  return lessons.map(({ incidentNumber, incidentSeverity: _severity, ...lesson }) => ({
    ...lesson,
    incidentReference: incidentReference(incidentNumber),
  }));
}
