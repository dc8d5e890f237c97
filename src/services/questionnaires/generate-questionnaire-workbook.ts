import type { Actor } from '../../core/auth/actor';
import { writeQuestionnaireWorkbook } from '../../integrations/exports/questionnaire-workbook';
import { reportOfBytes, type GeneratedReport } from '../reports/generated-report';
import { buildQuestionnaireDocument } from './build-questionnaire-document';
import type { QuestionnaireDeps } from './questionnaire-deps';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The questionnaire as an XLSX workbook in its language: question, check points, why it matters,
 * the answer as a drop-down list and free text, with a hidden sheet naming the questionnaire and
 * the item of each row (read back by importQuestionnaireWorkbook).
 */
export async function generateQuestionnaireWorkbook(
  deps: QuestionnaireDeps,
  input: { actor: Actor; questionnaireId: string },
): Promise<GeneratedReport> {
  const document = await buildQuestionnaireDocument(deps, input);
  const bytes = await writeQuestionnaireWorkbook(document);
  const day = deps.clock().toISOString().slice(0, 10).replaceAll('-', '');
  return reportOfBytes(`iotcheck-questionnaire-${document.questionnaireId.slice(0, 8)}-${day}.xlsx`, XLSX, bytes);
}
