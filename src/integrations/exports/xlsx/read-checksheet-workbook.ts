import ExcelJS from 'exceljs';
import { DomainError, type ProblemDetail, type ReasonCode } from '../../../core/domain-error';
import { CHECKSHEET_WORKBOOK_LABELS, STATE_SHEET } from './checksheet-workbook-labels';
import { STATE_META_KEYS, STATE_ROWS_HEADER } from './checksheet-workbook-state';
import { checkZipLimits, WORKBOOK_ZIP_LIMITS, type ZipLimits } from './zip-limits';

/** The largest workbook file an import reads (a 60-item checksheet is about 30 kB). */
export const WORKBOOK_MAX_BYTES = 20 * 1024 ** 2;

/** A cell's place, for located problems: `チェックシート!F12`, row 12, column 6. */
export interface CellPlace {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
}

/** One row of the hidden sheet's per-row block, as text. */
export interface StateLine {
  readonly row: number;
  readonly itemId: string;
  readonly number: string;
  readonly version: string;
  readonly result: string;
  readonly commentHash: string;
}

/** One filled row of the checksheet sheet, as text, with where its cells are. */
export interface VisibleLine {
  readonly row: number;
  readonly number: string;
  readonly result: string;
  readonly comment: string;
  /** True when every cell of the row is empty. */
  readonly blank: boolean;
}

/** What a checksheet workbook says, as read; the service decides what it means. */
export interface ReadChecksheetWorkbook {
  /** The hidden sheet's key/value lines (values as text; a missing key is absent). */
  readonly meta: Readonly<Partial<Record<(typeof STATE_META_KEYS)[number], string>>>;
  readonly metaRows: Readonly<Partial<Record<(typeof STATE_META_KEYS)[number], number>>>;
  readonly state: readonly StateLine[];
  readonly sheet: string;
  readonly columns: { readonly number: number; readonly result: number; readonly comment: number };
  readonly lines: readonly VisibleLine[];
}

/** `F12` for row 12, column 6. */
export function cellReference(row: number, column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/** A problem at one cell: `path` is `Sheet!F12`, with row and column numbers, the field and the value. */
export function atCell(
  place: CellPlace,
  field: string,
  reason: string,
  extra: { value?: string; code?: ReasonCode; params?: Readonly<Record<string, string | number>> } = {},
): ProblemDetail {
  return {
    path: `${place.sheet}!${cellReference(place.row, place.column)}`,
    row: place.row,
    column: place.column,
    field,
    reason,
    ...(extra.value !== undefined && extra.value !== '' && { value: extra.value.slice(0, 80) }),
    ...(extra.code && { code: extra.code }),
    ...(extra.params && { params: extra.params }),
  };
}

/** A cell's value as the user sees it: rich text joined, formulas by their result, numbers as written. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

const refused = (
  file: string,
  reason: string,
  code: ReasonCode = 'workbook_not_xlsx',
  params?: Readonly<Record<string, number>>,
) =>
  new DomainError('VALIDATION_FAILED', `${file}: ${reason}; nothing was applied.`, [
    { file, reason, code, ...(params && { params }) },
  ]);

/** Column numbers of the No., answer and comment headers, found by their text in either language. */
function findColumns(sheet: ExcelJS.Worksheet): ReadChecksheetWorkbook['columns'] | ProblemDetail[] {
  const header = sheet.getRow(1);
  const find = (key: 'number' | 'result' | 'comment'): number | undefined => {
    const names = new Set(Object.values(CHECKSHEET_WORKBOOK_LABELS).map((labels) => labels.columns[key]));
    for (let column = 1; column <= Math.max(header.cellCount, 1); column++)
      if (names.has(cellText(header.getCell(column).value).trim())) return column;
    return undefined;
  };
  const columns = { number: find('number'), result: find('result'), comment: find('comment') };
  const problems = (['number', 'result', 'comment'] as const)
    .filter((key) => columns[key] === undefined)
    .map((key) => ({
      path: `${sheet.name}!1:1`,
      row: 1,
      field: key,
      reason: `the header "${CHECKSHEET_WORKBOOK_LABELS.ja.columns[key]}" / "${CHECKSHEET_WORKBOOK_LABELS.en.columns[key]}" is missing`,
      code: 'workbook_header' as const,
      params: { header: CHECKSHEET_WORKBOOK_LABELS.ja.columns[key] },
    }));
  if (problems.length > 0) return problems;
  return columns as ReadChecksheetWorkbook['columns'];
}

function readState(sheet: ExcelJS.Worksheet): Pick<ReadChecksheetWorkbook, 'meta' | 'metaRows' | 'state'> {
  const meta: Partial<Record<(typeof STATE_META_KEYS)[number], string>> = {};
  const metaRows: Partial<Record<(typeof STATE_META_KEYS)[number], number>> = {};
  const state: StateLine[] = [];
  let inRows = false;
  const known = new Set<string>(STATE_META_KEYS);
  for (let row = 1; row <= sheet.rowCount; row++) {
    const cells = [1, 2, 3, 4, 5].map((column) => cellText(sheet.getRow(row).getCell(column).value).trim());
    const [first = '', second = '', third = '', fourth = '', fifth = ''] = cells;
    if (!inRows) {
      if (first === STATE_ROWS_HEADER[0] && second === STATE_ROWS_HEADER[1]) inRows = true;
      else if (known.has(first)) {
        meta[first as (typeof STATE_META_KEYS)[number]] = second;
        metaRows[first as (typeof STATE_META_KEYS)[number]] = row;
      }
      continue;
    }
    if (cells.every((cell) => cell === '')) continue;
    state.push({ row, itemId: first, number: second, version: third, result: fourth, commentHash: fifth });
  }
  return { meta, metaRows, state };
}

/**
 * Reads a checksheet workbook from its bytes, after checking them: at most WORKBOOK_MAX_BYTES, a
 * ZIP whose directory stays within `limits` (see checkZipLimits), a hidden sheet `iotcheck` and a
 * checksheet sheet with the No., answer and comment headers. Refusals are VALIDATION_FAILED naming
 * the file (and the sheet and cell where there is one). Rows are returned as text, untouched.
 */
export async function readChecksheetWorkbook(
  bytes: Buffer,
  fileName: string,
  limits: { maxBytes: number; zip: ZipLimits } = { maxBytes: WORKBOOK_MAX_BYTES, zip: WORKBOOK_ZIP_LIMITS },
): Promise<ReadChecksheetWorkbook> {
  if (bytes.length === 0) throw refused(fileName, 'the file is empty (0 bytes)', 'file_empty');
  if (bytes.length > limits.maxBytes)
    throw refused(fileName, `larger than ${limits.maxBytes} bytes, the limit for a workbook`, 'file_too_large', {
      limit: limits.maxBytes,
    });
  const zip = checkZipLimits(bytes, limits.zip);
  if (zip)
    throw refused(
      fileName,
      zip.kind === 'not_zip' ? `not an XLSX workbook (${zip.reason})` : zip.reason,
      zip.kind === 'not_zip' ? 'workbook_not_xlsx' : 'zip_limits',
    );

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw refused(fileName, 'not a readable XLSX workbook');
  }
  const stateSheet = workbook.getWorksheet(STATE_SHEET);
  if (!stateSheet)
    throw refused(
      fileName,
      `not a checksheet workbook exported by iotcheck (the hidden sheet "${STATE_SHEET}" is missing)`,
      'workbook_format',
    );
  const state = readState(stateSheet);
  const names = Object.values(CHECKSHEET_WORKBOOK_LABELS).map((labels) => labels.checksheetSheet);
  const sheet = workbook.worksheets.find((candidate) => names.includes(candidate.name));
  if (!sheet)
    throw refused(fileName, `the sheet "${names.join('" / "')}" is missing (renamed or deleted)`, 'workbook_format');
  const columns = findColumns(sheet);
  if (Array.isArray(columns))
    throw new DomainError(
      'VALIDATION_FAILED',
      `${fileName}: the checksheet's header row was changed; nothing was applied.`,
      columns,
    );

  const lines: VisibleLine[] = [];
  const lastColumn = Math.max(sheet.columnCount, columns.number, columns.result, columns.comment);
  for (let row = 2; row <= sheet.rowCount; row++) {
    const cells = sheet.getRow(row);
    let filled = false;
    for (let column = 1; column <= lastColumn && !filled; column++)
      filled = cellText(cells.getCell(column).value).trim() !== '';
    if (!filled) {
      lines.push({ row, number: '', result: '', comment: '', blank: true });
      continue;
    }
    lines.push({
      row,
      number: cellText(cells.getCell(columns.number).value).trim(),
      result: cellText(cells.getCell(columns.result).value).trim(),
      comment: cellText(cells.getCell(columns.comment).value),
      blank: false,
    });
  }
  // Blank rows after the last filled one are no rows at all.
  while (lines.at(-1)?.blank === true) lines.pop();
  return { ...state, sheet: sheet.name, columns, lines };
}
