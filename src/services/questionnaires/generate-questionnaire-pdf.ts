import type { Actor } from '../../core/auth/actor';
import type { GeneratedReport } from '../reports/generated-report';
import { renderQuestionnairePdf } from '../reports/render-questionnaire-pdf';
import { buildQuestionnaireDocument } from './build-questionnaire-document';
import type { QuestionnaireDeps } from './questionnaire-deps';

/**
 * The questionnaire as a PDF in its language, to send to a provider who answers on paper or by
 * mail: each question with its check points, why it matters, tick boxes and lines for free text.
 */
export async function generateQuestionnairePdf(
  deps: QuestionnaireDeps,
  input: { actor: Actor; questionnaireId: string },
): Promise<GeneratedReport> {
  return renderQuestionnairePdf(await buildQuestionnaireDocument(deps, input), deps.clock());
}
