import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  QUESTIONNAIRE_ANSWERS,
  type QuestionnaireDocument,
  type QuestionnaireQuestion,
} from '../../../core/reports/questionnaire.types';
import { QUESTIONNAIRE_TEXT, type QuestionnaireText } from '../../../core/reports/questionnaire-text';
import { PDF_COLORS, QUIET_TABLE, reportFrame } from './pdf-frame';

const CONTENT_WIDTH = 595.28 - 48 - 48;
const WRITING_LINES = 4;

/** Ruled lines to write on, `count` of them across the text width. */
function writingLines(count: number): Content {
  return {
    canvas: Array.from({ length: count }, (_, index) => ({
      type: 'line' as const,
      x1: 0,
      y1: 20 * (index + 1),
      x2: CONTENT_WIDTH,
      y2: 20 * (index + 1),
      lineWidth: 0.5,
      lineColor: '#b8c0cc',
    })),
  };
}

function cover(document: QuestionnaireDocument, text: QuestionnaireText): Content[] {
  const facts: [string, string][] = [
    [text.requester, document.organisationName],
    [text.provider, document.providerName],
    [text.system, document.systemName],
    [text.assessment, document.assessmentTitle],
    [text.expires, document.expiresAt.slice(0, 10)],
    [text.questionCount, String(document.questions.length)],
  ];
  return [
    { text: '', margin: [0, 60, 0, 0] },
    { canvas: [{ type: 'rect', x: 0, y: 0, w: 56, h: 4, color: PDF_COLORS.heading }], margin: [0, 0, 0, 14] },
    { text: document.title, style: 'title', margin: [0, 0, 0, 24] },
    {
      table: {
        widths: [120, '*'],
        body: facts.map(([label, value]) => [
          { text: label, style: 'label', margin: [0, 2, 0, 2] },
          { text: value, fontSize: 11 },
        ]),
      },
      layout: QUIET_TABLE,
    },
    { text: text.instructionsHeading, style: 'h2', margin: [0, 24, 0, 4] },
    { ul: [...text.instructions], fontSize: 9.5 },
    { text: text.respondent, style: 'h2', margin: [0, 24, 0, 4] },
    {
      table: {
        widths: [120, '*'],
        heights: 22,
        body: text.respondentFields.map((field) => [{ text: field, style: 'label', margin: [0, 6, 0, 0] }, '']),
      },
      layout: QUIET_TABLE,
    },
  ];
}

/** The answer options on one line, each after a box to tick (a real glyph, so the text stays searchable). */
function answerBoxes(document: QuestionnaireDocument): Content {
  return {
    text: QUESTIONNAIRE_ANSWERS.flatMap((answer, index) => [
      { text: index === 0 ? '□' : '\u3000\u3000□', fontSize: 13, color: PDF_COLORS.ink },
      { text: ` ${document.answerLabels[answer]}` },
    ]),
    margin: [0, 0, 0, 6],
  };
}

function question(
  document: QuestionnaireDocument,
  entry: QuestionnaireQuestion,
  index: number,
  text: QuestionnaireText,
): Content {
  return {
    stack: [
      { text: text.question(index + 1, entry.number), style: 'label' },
      { text: entry.question, bold: true, fontSize: 10.5, color: PDF_COLORS.heading, margin: [0, 1, 0, 4] },
      ...(entry.checkPoints.length > 0
        ? [
            { text: text.checkPoints, style: 'label' } as Content,
            { ul: [...entry.checkPoints], margin: [0, 1, 0, 4] } as Content,
          ]
        : []),
      ...(entry.why
        ? [{ text: text.why, style: 'label' } as Content, { text: entry.why, margin: [0, 1, 0, 6] } as Content]
        : []),
      { text: text.answer, style: 'label' },
      answerBoxes(document),
      { text: text.freeText, style: 'label' },
      writingLines(WRITING_LINES),
    ],
    unbreakable: true,
    margin: [0, 0, 0, 18],
  };
}

/**
 * A vendor questionnaire as a pdfmake document, in the document's language: a cover with the
 * requester, provider, system, assessment and answer-by date, how to answer and a respondent
 * block; then per question its number, the question, check points, why it matters, the answer
 * options as boxes to tick and ruled lines for free text. Pure.
 */
export function questionnaireLayout(document: QuestionnaireDocument, generatedAt: Date): TDocumentDefinitions {
  const text = QUESTIONNAIRE_TEXT[document.language];
  return reportFrame({
    title: document.title,
    context: `${document.providerName} — ${document.systemName}`,
    generatedLine: `${text.generated}: ${generatedAt.toISOString().slice(0, 10)}`,
    pageLabel: text.page,
    author: document.organisationName,
    content: [
      ...cover(document, text),
      { text: '', pageBreak: 'after' },
      ...document.questions.map((entry, index) => question(document, entry, index, text)),
    ],
  });
}
