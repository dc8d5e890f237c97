import type { QuestionnaireDocument } from '../../core/reports/questionnaire.types';
import { questionnaireLayout } from '../../integrations/exports/pdf/questionnaire-layout';
import { renderPdf } from '../../integrations/exports/pdf/render-pdf';
import { reportOfBytes, type GeneratedReport } from './generated-report';

/** `iotcheck-questionnaire-<first 8 of the questionnaire id>-<YYYYMMDD>.pdf`. */
export function questionnaireFileName(questionnaireId: string, at: Date): string {
  return `iotcheck-questionnaire-${questionnaireId.slice(0, 8)}-${at.toISOString().slice(0, 10).replace(/-/g, '')}.pdf`;
}

/**
 * A vendor questionnaire as a PDF to print and fill in (see questionnaireLayout), in the
 * document's language. Only lays out what it is given; the PDF is rendered when written.
 */
export function renderQuestionnairePdf(document: QuestionnaireDocument, at: Date = new Date()): GeneratedReport {
  const fileName = questionnaireFileName(document.questionnaireId, at);
  return {
    fileName,
    mediaType: 'application/pdf',
    write: async (destination) =>
      reportOfBytes(fileName, 'application/pdf', await renderPdf(questionnaireLayout(document, at))).write(destination),
  };
}
