import type { Actor } from '../../core/auth/actor';
import { listFrameworkItems } from '../../core/assessment/framework-items';
import type { LocalizedText } from '../../core/catalog/catalog.types';
import { requireOrganisation } from '../accounts/require-user';
import { requireAssessment } from '../assessment-scope/require-assessment-item';
import type { QuestionnaireDeps } from './questionnaire-deps';

/** An item one may put to a provider, and whether the catalog marks it as a provider question. */
export interface QuestionnaireItemChoice {
  readonly itemId: string;
  readonly number: string;
  readonly title: LocalizedText;
  readonly providerQuestion: boolean;
}

/** Every item of the assessment's framework in sheet order, provider questions marked (the default choice). */
export async function listQuestionnaireItems(
  deps: QuestionnaireDeps,
  input: { actor: Actor; assessmentId: string },
): Promise<QuestionnaireItemChoice[]> {
  const { organisationId } = requireOrganisation(input.actor);
  const assessment = await requireAssessment(deps.database, organisationId, input.assessmentId, 'read');
  return listFrameworkItems(deps.catalog, assessment.frameworkId).flatMap((item) => {
    const node = deps.catalog.nodes.get(item.itemId);
    return node
      ? [
          {
            itemId: item.itemId,
            number: item.code,
            title: node.title,
            providerQuestion: node.tags?.providerQuestion === true,
          },
        ]
      : [];
  });
}
