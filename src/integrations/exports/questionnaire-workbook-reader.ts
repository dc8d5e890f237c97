import ExcelJS from 'exceljs';
import { DomainError, type ProblemDetail } from '../../core/domain-error';
import { checkZipLimits, type ZipLimits } from './xlsx/zip-limits';
import { ANSWER_COLUMN, FREE_TEXT_COLUMN, KEY_FIRST_ITEM_ROW, KEY_SHEET } from './questionnaire-workbook';

/** One question row of a filled questionnaire workbook, as written in it. */
export interface FilledQuestionRow {
  readonly itemId: string;
  /** The row on the questions sheet (1-based, as Excel shows it). */
  readonly row: number;
  readonly answerText: string;
  readonly freeText: string;
}

/** What a filled workbook says: which questionnaire, and each question's answer cell and free text. */
export interface FilledQuestionnaire {
  readonly questionnaireId: string;
  readonly sheetName: string;
  readonly rows: readonly FilledQuestionRow[];
}

const MAX_QUESTIONS = 500;

/**
 * A filled questionnaire is a few hundred kB unpacked. The check inflates every part with its
 * declared size as the cap, so a directory that understates a zip bomb is refused too.
 */
const QUESTIONNAIRE_ZIP_LIMITS: ZipLimits = { maxEntries: 200, maxUncompressedBytes: 50 * 1024 ** 2, maxRatio: 200 };

function cellText(cell: ExcelJS.Cell): string {
  return (cell.text ?? '').trim();
}

/**
 * Reads a questionnaire workbook written by writeQuestionnaireWorkbook and filled in Excel or
 * LibreOffice. Anything that is not such a workbook (not XLSX, no hidden key sheet, a zip that
 * inflates beyond the limits) is a located VALIDATION_FAILED naming `fileName`.
 */
export async function readQuestionnaireWorkbook(bytes: Buffer, fileName: string): Promise<FilledQuestionnaire> {
  const refuse = (message: string, details: Omit<ProblemDetail, 'file'>[]): never => {
    throw new DomainError(
      'VALIDATION_FAILED',
      message,
      details.map((detail) => ({ file: fileName, ...detail })),
    );
  };
  const zipRefusal = checkZipLimits(bytes, QUESTIONNAIRE_ZIP_LIMITS);
  if (zipRefusal)
    refuse(`The file is not a workbook we can read: ${zipRefusal.reason}.`, [
      { reason: zipRefusal.reason, code: 'file_type' },
    ]);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    refuse('The file is not an Excel workbook (.xlsx).', [{ reason: 'not a readable xlsx file', code: 'file_type' }]);
  }
  const key = workbook.getWorksheet(KEY_SHEET);
  const sheet = workbook.worksheets.find((candidate) => candidate.name !== KEY_SHEET);
  if (!key || !sheet)
    return refuse('This workbook is not an iotcheck questionnaire (its hidden sheet is missing).', [
      { path: KEY_SHEET, reason: 'sheet missing' },
    ]);
  const questionnaireId = cellText(key.getCell('B1'));
  if (questionnaireId === '')
    refuse('This workbook does not name its questionnaire.', [
      { path: KEY_SHEET, row: 1, column: 2, reason: 'is empty' },
    ]);
  const rows: FilledQuestionRow[] = [];
  for (let keyRow = KEY_FIRST_ITEM_ROW; ; keyRow += 1) {
    const itemId = cellText(key.getCell(keyRow, 1));
    if (itemId === '') break;
    if (rows.length >= MAX_QUESTIONS)
      refuse(`A questionnaire has at most ${MAX_QUESTIONS} questions.`, [
        { path: KEY_SHEET, row: keyRow, reason: 'too many rows' },
      ]);
    const row = Number(cellText(key.getCell(keyRow, 2)));
    if (!Number.isInteger(row) || row < 1)
      refuse('The hidden sheet of this workbook was changed.', [
        { path: KEY_SHEET, row: keyRow, column: 2, reason: 'not a row number', code: 'not_a_number' },
      ]);
    rows.push({
      itemId,
      row,
      answerText: cellText(sheet.getCell(row, ANSWER_COLUMN)),
      freeText: cellText(sheet.getCell(row, FREE_TEXT_COLUMN)),
    });
  }
  return { questionnaireId, sheetName: sheet.name, rows };
}
