import type { Kysely } from 'kysely';
import { listFrameworkItems } from '../../core/assessment/framework-items';
import { computeScores, type Scores } from '../../core/assessment/scoring';
import type { Catalog } from '../../core/catalog/catalog.types';
import { listAnswerResults } from '../../db/answer.repository';
import type { StoredAssessment } from '../../db/assessment.repository';
import type { DatabaseSchema } from '../../db/database';

/**
 * An assessment's scores over every item of its framework as the catalog has it now
 * (computeScores is the one definition; items never answered count as unanswered).
 */
export async function scoreAssessment(
  db: Kysely<DatabaseSchema>,
  catalog: Catalog,
  organisationId: string,
  assessment: StoredAssessment,
): Promise<Scores> {
  const results = (await listAnswerResults(db, organisationId, [assessment.id])).get(assessment.id) ?? new Map();
  return computeScores(listFrameworkItems(catalog, assessment.frameworkId), results);
}
