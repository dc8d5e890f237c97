import ExcelJS from 'exceljs';
import { QUESTIONNAIRE_ANSWERS, type QuestionnaireDocument } from '../../core/reports/questionnaire.types';

// The vendor questionnaire as a workbook: one sheet of questions with the answer as a drop-down
// list, and a hidden sheet naming the questionnaire and the item of every row, so an import can
// tell exactly which questionnaire and which questions a filled workbook answers.

/** The hidden sheet's name and the first row of its item list. */
export const KEY_SHEET = 'iotcheck';
export const KEY_FIRST_ITEM_ROW = 4;
/** Where the questions start on the first sheet, and the columns of answer and free text. */
export const FIRST_QUESTION_ROW = 10;
export const ANSWER_COLUMN = 5;
export const FREE_TEXT_COLUMN = 6;

const TEXT = {
  ja: {
    sheet: '質問票',
    organisation: '依頼元',
    system: '対象システム',
    assessment: '評価',
    provider: '回答者',
    expires: '回答期限',
    instructions:
      '「回答」列の一覧から選び、必要に応じて「補足」に記入してください。行や列の追加・削除・並べ替えはしないでください。',
    headers: ['No.', '質問', '確認ポイント', 'なぜ重要か', '回答', '補足（自由記述）'],
  },
  en: {
    sheet: 'Questionnaire',
    organisation: 'Requested by',
    system: 'System',
    assessment: 'Assessment',
    provider: 'Answered by',
    expires: 'Answer by',
    instructions:
      'Choose an answer from the list in the "Answer" column and add notes where useful. Please do not add, delete or reorder rows or columns.',
    headers: ['No.', 'Question', 'Check points', 'Why it matters', 'Answer', 'Notes (free text)'],
  },
} as const;

/** Builds the workbook of a questionnaire document (in its language) as bytes. */
export async function writeQuestionnaireWorkbook(document: QuestionnaireDocument): Promise<Buffer> {
  const text = TEXT[document.language];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'iotcheck';
  const sheet = workbook.addWorksheet(text.sheet, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: FIRST_QUESTION_ROW - 1 }],
  });
  sheet.columns = [{ width: 6 }, { width: 48 }, { width: 48 }, { width: 56 }, { width: 16 }, { width: 48 }];
  sheet.getCell('A1').value = document.title;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  const cover: [string, string][] = [
    [text.organisation, document.organisationName],
    [text.system, document.systemName],
    [text.assessment, document.assessmentTitle],
    [text.provider, document.providerName],
    [text.expires, document.expiresAt.slice(0, 10)],
  ];
  cover.forEach(([label, value], index) => {
    sheet.getCell(2 + index, 1).value = label;
    sheet.mergeCells(2 + index, 1, 2 + index, 2);
    sheet.getCell(2 + index, 3).value = value;
  });
  sheet.getCell(7, 1).value = text.instructions;
  sheet.mergeCells(7, 1, 7, 6);
  const header = sheet.getRow(FIRST_QUESTION_ROW - 1);
  header.values = [...text.headers];
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } };
  });
  const labels = QUESTIONNAIRE_ANSWERS.map((answer) => document.answerLabels[answer]);
  document.questions.forEach((question, index) => {
    const row = sheet.getRow(FIRST_QUESTION_ROW + index);
    row.values = [
      question.number,
      question.question,
      question.checkPoints.map((point, n) => `${n + 1}. ${point}`).join('\n'),
      question.why,
      '',
      '',
    ];
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell(ANSWER_COLUMN).dataValidation = {
      type: 'list',
      allowBlank: true,
      // A quoted comma list: the labels contain no commas or quotes.
      formulae: [`"${labels.join(',')}"`],
      showErrorMessage: true,
    };
    row.getCell(ANSWER_COLUMN).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8DC' } };
    row.getCell(FREE_TEXT_COLUMN).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8DC' } };
  });
  const key = workbook.addWorksheet(KEY_SHEET, { state: 'hidden' });
  key.getCell('A1').value = 'questionnaireId';
  key.getCell('B1').value = document.questionnaireId;
  key.getCell('A2').value = 'format';
  key.getCell('B2').value = 1;
  key.getCell(KEY_FIRST_ITEM_ROW - 1, 1).value = 'itemId';
  key.getCell(KEY_FIRST_ITEM_ROW - 1, 2).value = 'row';
  document.questions.forEach((question, index) => {
    key.getCell(KEY_FIRST_ITEM_ROW + index, 1).value = question.itemId;
    key.getCell(KEY_FIRST_ITEM_ROW + index, 2).value = FIRST_QUESTION_ROW + index;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
