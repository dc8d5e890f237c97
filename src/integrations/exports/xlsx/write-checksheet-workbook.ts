import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { CHECKSHEET_WORKBOOK_LABELS, STATE_SHEET, type ChecksheetWorkbookLabels } from './checksheet-workbook-labels';
import type { ChecksheetRow, ChecksheetWorkbookContent, FindingRow } from './checksheet-workbook.types';
import { STATE_ROWS_HEADER } from './checksheet-workbook-state';

/** Excel's paper size code for A3. */
const PAPER_A3 = 8;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3A5F' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FF9AA5B1' } },
  bottom: { style: 'thin', color: { argb: 'FF9AA5B1' } },
  left: { style: 'thin', color: { argb: 'FF9AA5B1' } },
  right: { style: 'thin', color: { argb: 'FF9AA5B1' } },
};
/** A light band per CSF function, so the sheet reads in blocks as the printed checksheet does. */
const FUNCTION_FILLS: Readonly<Record<string, string>> = {
  ID: 'FFE8F0FA',
  PR: 'FFEAF6EC',
  DE: 'FFFFF6E0',
  RS: 'FFFDECEA',
  RC: 'FFF1ECF9',
};
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** Check points as numbered lines in one cell: ① … ⑳, then 21. … */
export function numberedLines(lines: readonly string[]): string {
  return lines.map((line, index) => `${[...CIRCLED][index] ?? `${index + 1}.`} ${line}`).join('\n');
}

/** Points per line of 11 pt text, and the cell's top and bottom padding. */
const LINE_HEIGHT = 14;
const ROW_PADDING = 4;

/** How many column-width units a line takes: East Asian wide characters count almost twice. */
function lineUnits(line: string): number {
  let units = 0;
  for (const char of line) units += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 1.8 : 1;
  return units;
}

/**
 * A row height that shows all wrapped text: neither LibreOffice nor Excel sizes rows of a written
 * file reliably, so the height is estimated from each cell's text and its column's width.
 */
export function rowHeight(cells: readonly { text: string; width: number }[]): number {
  let lines = 1;
  for (const { text, width } of cells) {
    const perLine = Math.max(width - 1, 1);
    const count = text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(lineUnits(line) / perLine)), 0);
    lines = Math.max(lines, count);
  }
  return lines * LINE_HEIGHT + ROW_PADDING;
}

/** The No. cell: a number when the code is one (so Excel shows no "number stored as text"), else text. */
const numberCell = (code: string): string | number => (/^[1-9]\d{0,5}$/.test(code) ? Number(code) : code);

const pageSetup: Partial<ExcelJS.PageSetup> = {
  paperSize: PAPER_A3 as ExcelJS.PaperSize,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  printTitlesRow: '1:1',
  margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  horizontalCentered: true,
};

/** exceljs's streaming sheet has data validations, but its type declarations leave them out. */
const validationsOf = (sheet: ExcelJS.Worksheet) =>
  (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } })
    .dataValidations;

/** The height of a written row from its cells' text and the sheet's column widths. */
function heightOf(sheet: ExcelJS.Worksheet, row: ExcelJS.Row): number {
  const cells: { text: string; width: number }[] = [];
  row.eachCell((cell, column) => {
    const text = typeof cell.value === 'string' ? cell.value : String(cell.value ?? '');
    cells.push({ text, width: sheet.getColumn(column).width ?? 10 });
  });
  return rowHeight(cells);
}

function styleHeader(row: ExcelJS.Row): void {
  row.height = 24;
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
    cell.border = THIN;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
}

function writeChecksheetSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  content: ChecksheetWorkbookContent,
  labels: ChecksheetWorkbookLabels,
  progress: (done: number) => void,
): void {
  const sheet = workbook.addWorksheet(labels.checksheetSheet, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, activeCell: 'F2' }],
    pageSetup,
    headerFooter: { oddHeader: `&L&"-,Bold"${escapeHeader(content.heading)}`, oddFooter: '&C&P / &N' },
  });
  const c = labels.columns;
  sheet.columns = [
    { header: c.function, key: 'function', width: 14 },
    { header: c.category, key: 'category', width: 22 },
    { header: c.number, key: 'number', width: 6 },
    { header: c.title, key: 'title', width: 36 },
    { header: c.checks, key: 'checks', width: 64 },
    { header: c.result, key: 'result', width: 14 },
    { header: c.comment, key: 'comment', width: 40 },
    { header: c.evidence, key: 'evidence', width: 28 },
    { header: c.assignee, key: 'assignee', width: 16 },
    { header: c.dueDate, key: 'dueDate', width: 12 },
  ];
  styleHeader(sheet.getRow(1));
  sheet.getRow(1).commit();
  const results = Object.values(labels.results);
  if (content.rows.length > 0)
    validationsOf(sheet).add(`F2:F${content.rows.length + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${results.join(',')}"`],
      showInputMessage: true,
      promptTitle: labels.pickResult.title,
      prompt: labels.pickResult.prompt,
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: labels.pickResult.title,
      error: labels.pickResult.error,
    });
  content.rows.forEach((item: ChecksheetRow, index) => {
    const row = sheet.addRow({
      function: item.functionLabel,
      category: item.categoryLabel,
      number: numberCell(item.number),
      title: item.title,
      checks: numberedLines(item.checkPoints),
      result: labels.results[item.result],
      comment: item.comment,
      evidence: item.evidenceTitles.join('\n'),
      assignee: item.assignee,
      dueDate: item.dueDate,
    });
    const band = FUNCTION_FILLS[item.functionLabel.split(' ')[0] ?? ''];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.border = THIN;
      cell.alignment = { vertical: 'top', wrapText: true, ...(column === 3 && { horizontal: 'center' }) };
      if (band && column <= 3) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: band } };
    });
    row.getCell('result').font = { bold: true };
    row.height = heightOf(sheet, row);
    row.commit();
    progress(index + 1);
  });
  sheet.commit();
}

function writeFindingsSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  findings: readonly FindingRow[],
  labels: ChecksheetWorkbookLabels,
): void {
  const sheet = workbook.addWorksheet(labels.findingsSheet, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    pageSetup,
    headerFooter: { oddFooter: '&C&P / &N' },
  });
  const c = labels.findingColumns;
  sheet.columns = [
    { header: c.item, key: 'item', width: 9 },
    { header: c.issue, key: 'issue', width: 44 },
    { header: c.impact, key: 'impact', width: 36 },
    { header: c.recommendation, key: 'recommendation', width: 44 },
    { header: c.priority, key: 'priority', width: 9 },
    { header: c.owner, key: 'owner', width: 18 },
    { header: c.due, key: 'due', width: 12 },
    { header: c.status, key: 'status', width: 12 },
  ];
  styleHeader(sheet.getRow(1));
  sheet.getRow(1).commit();
  for (const finding of findings) {
    const row = sheet.addRow({
      item: numberCell(finding.itemNumber),
      issue: finding.issue,
      impact: finding.impact,
      recommendation: finding.recommendation,
      priority: labels.priorities[finding.priority],
      owner: finding.owner,
      due: finding.dueDate,
      status: labels.statuses[finding.status],
    });
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = THIN;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
    row.height = heightOf(sheet, row);
    row.commit();
  }
  sheet.commit();
}

/**
 * The hidden sheet: key/value lines for the workbook, then one line per checksheet row. Plain text
 * cells in a sheet that is only hidden (not "very hidden"), so LibreOffice and Excel keep it on save.
 */
function writeStateSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, content: ChecksheetWorkbookContent): void {
  const sheet = workbook.addWorksheet(STATE_SHEET, { state: 'hidden' });
  const { meta } = content;
  const lines: [string, string][] = [
    ['format', meta.format],
    ['assessmentId', meta.assessmentId],
    ['organisationId', meta.organisationId],
    ['frameworkId', meta.frameworkId],
    ['catalogHash', meta.catalogHash],
    ['language', meta.language],
    ['exportedAt', meta.exportedAt],
  ];
  for (const line of lines) sheet.addRow(line).commit();
  sheet.addRow([]).commit();
  sheet.addRow([...STATE_ROWS_HEADER]).commit();
  for (const row of content.rows)
    sheet.addRow([row.itemId, row.number, String(row.version), row.result, row.commentHash]).commit();
  sheet.commit();
}

/** `&` starts a code in Excel page headers; a literal one is written twice. */
const escapeHeader = (text: string): string => text.replaceAll('&', '&&');

/**
 * Streams a checksheet workbook into `destination` with exceljs's streaming writer: the checksheet
 * (A3 landscape, header row frozen and repeated on every printed page, answers as a drop-down of
 * the result labels), the findings, and the hidden state sheet an import reads back. Leaves
 * `destination` open. `progress` gets the share of checksheet rows written.
 */
export async function writeChecksheetWorkbook(
  destination: Writable,
  content: ChecksheetWorkbookContent,
  progress: (fraction: number) => void = () => undefined,
): Promise<void> {
  const labels = CHECKSHEET_WORKBOOK_LABELS[content.meta.language];
  // exceljs ends the stream it writes to; the caller's destination must stay open.
  const buffer = new PassThrough();
  buffer.pipe(destination, { end: false });
  const drained = finished(buffer);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: buffer, useStyles: true, useSharedStrings: true });
  workbook.creator = 'iotcheck';
  workbook.created = new Date(content.meta.exportedAt);
  const total = Math.max(content.rows.length, 1);
  writeChecksheetSheet(workbook, content, labels, (done) => progress((done / total) * 0.9));
  writeFindingsSheet(workbook, content.findings, labels);
  writeStateSheet(workbook, content);
  await workbook.commit();
  await drained;
  progress(1);
}
