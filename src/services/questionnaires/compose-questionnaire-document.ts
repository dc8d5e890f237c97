import type { Catalog } from '../../core/catalog/catalog.types';
import { DomainError } from '../../core/domain-error';
import { QUESTIONNAIRE_ANSWER_LABELS, questionnaireTitle } from '../../core/questionnaires/questionnaire-text';
import type { QuestionnaireRecord } from '../../core/questionnaires/questionnaire.types';
import type { QuestionnaireDocument, QuestionnaireQuestion } from '../../core/reports/questionnaire.types';
import { findAssessment } from '../../db/assessment.repository';
import type { Database } from '../../db/database';
import { findOrganisation } from '../../db/organisation.repository';
import { findSystem } from '../../db/system.repository';

/** One question of a questionnaire from the catalog, in `language`. */
export function questionOf(catalog: Catalog, itemId: string, language: 'ja' | 'en'): QuestionnaireQuestion {
  const item = catalog.nodes.get(itemId);
  if (!item) throw new DomainError('NOT_FOUND', `${itemId} is not in the catalog.`);
  const checkPoints = item.childIds.flatMap((id) => {
    const check = catalog.nodes.get(id);
    return check?.kind === 'check' ? [check.title[language]] : [];
  });
  return {
    itemId,
    number: item.code,
    question: item.title[language],
    checkPoints,
    why: item.explanation?.why[language] ?? '',
  };
}

/**
 * The questionnaire as renderers read it (PDF, XLSX, the web form): questions from the catalog in
 * the questionnaire's language, and the names of the organisation, system and assessment.
 */
export async function composeQuestionnaireDocument(
  database: Pick<Database, 'db'>,
  catalog: Catalog,
  record: QuestionnaireRecord,
): Promise<QuestionnaireDocument> {
  const [organisation, assessment] = await Promise.all([
    findOrganisation(database.db, record.organisationId),
    findAssessment(database.db, record.organisationId, record.assessmentId),
  ]);
  if (!organisation || !assessment) throw new DomainError('NOT_FOUND', 'No such questionnaire.');
  const system = await findSystem(database.db, record.organisationId, assessment.systemId);
  return {
    questionnaireId: record.id,
    language: record.language,
    title: questionnaireTitle(record.language, record.providerName),
    organisationName: organisation.name,
    providerName: record.providerName,
    systemName: system?.name ?? '',
    assessmentTitle: assessment.title,
    expiresAt: record.expiresAt,
    answerLabels: QUESTIONNAIRE_ANSWER_LABELS[record.language],
    questions: record.itemIds.map((itemId) => questionOf(catalog, itemId, record.language)),
  };
}
