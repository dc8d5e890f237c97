import type { Actor } from '../../core/auth/actor';
import type { QuestionnaireDocument } from '../../core/reports/questionnaire.types';
import { requireOrganisation } from '../accounts/require-user';
import { composeQuestionnaireDocument } from './compose-questionnaire-document';
import type { QuestionnaireDeps } from './questionnaire-deps';
import { requireQuestionnaire } from './require-questionnaire';

/**
 * The document of one questionnaire of the actor's organisation, for the PDF and XLSX renderers:
 * each question is the item's title with its check points and our explanation of why it matters,
 * and the answer labels are in the questionnaire's language. NOT_FOUND for another organisation's.
 */
export async function buildQuestionnaireDocument(
  deps: QuestionnaireDeps,
  input: { actor: Actor; questionnaireId: string },
): Promise<QuestionnaireDocument> {
  const { organisationId } = requireOrganisation(input.actor);
  const record = await requireQuestionnaire(deps.database, organisationId, input.questionnaireId);
  return composeQuestionnaireDocument(deps.database, deps.catalog, record);
}
