import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { DomainError, type ProblemDetail } from '../../core/domain-error';
import { CsvRecordReader, UnclosedQuoteError, type CsvRecord } from '../../core/inventory/import/csv-records';
import { restoreNeutralisedFormula } from '../../core/text/neutralise-formula';
import { checkXlsxContainer } from './check-xlsx-container';
import { DecodeText, EncodingProblem, type TextEncodingName } from './decode-text';

/** One row of a table file: its number as a spreadsheet shows it (header = 1) and its cells. */
export interface TableRow {
  readonly row: number;
  readonly cells: string[];
}

export interface TableFile {
  readonly format: 'csv' | 'xlsx';
  /** The file's size in bytes. */
  readonly size: number;
  /** The text encoding (CSV), known once the first rows were read; XLSX is always UTF-8 inside. */
  encoding(): TextEncodingName;
  /** The rows, header first. Throws a located DomainError on unreadable content. */
  rows(): AsyncIterable<TableRow>;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Opens an inventory file by its content, not its name: a ZIP container is read as XLSX (its
 * first worksheet), text as CSV (comma, semicolon or tab separated, detected from the header).
 * A 0-byte file, binary content or a file that is neither is refused with a located error, and
 * so is a ZIP beyond INVENTORY_XLSX_LIMITS (a zip bomb) before anything is unpacked for real.
 */
export async function openTableFile(path: string, fileName: string): Promise<TableFile> {
  const head = await readHead(path, 64 * 1024);
  if (head.length === 0) throw fileProblem(fileName, 'the file is empty (0 bytes)', 'file_empty');
  const { size } = await stat(path);
  if (head.subarray(0, 4).equals(ZIP)) {
    await checkXlsxContainer(path, fileName);
    return openXlsx(path, fileName, size);
  }
  if (looksBinary(head)) throw fileProblem(fileName, 'not a CSV or XLSX file (binary content)', 'not_tabular');
  return openCsv(path, fileName, head, size);
}

async function readHead(path: string, size: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buffer, 0, size, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** NUL bytes (outside UTF-16) or many control characters mean this is not text. */
function looksBinary(head: Buffer): boolean {
  if (head[0] === 0xff && head[1] === 0xfe) return false;
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  }
  return control > head.length / 100;
}

function openCsv(path: string, fileName: string, head: Buffer, size: number): TableFile {
  const decoder = new DecodeText();
  return {
    format: 'csv',
    size,
    encoding: () => decoder.encoding,
    rows: () => readCsvRows(path, fileName, guessDelimiter(head), decoder),
  };
}

/** The separator of the header line: the most frequent of comma, tab and semicolon. */
function guessDelimiter(head: Buffer): string {
  const text = head.toString('latin1');
  const end = text.indexOf('\n');
  const line = end === -1 ? text : text.slice(0, end);
  const counts = [',', '\t', ';'].map((sep) => [sep, line.split(sep).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

/** Records with the apostrophe of a neutralised formula dropped (iotcheck's own CSV export adds it). */
function* restored(records: Iterable<CsvRecord>): Generator<CsvRecord> {
  for (const record of records) {
    const cells = record.cells;
    for (let i = 0; i < cells.length; i++) cells[i] = restoreNeutralisedFormula(cells[i]!);
    yield record;
  }
}

async function* readCsvRows(path: string, fileName: string, delimiter: string, decoder: DecodeText) {
  const reader = new CsvRecordReader(delimiter);
  const source = createReadStream(path, { highWaterMark: 1024 * 1024 });
  source.on('error', (error) => decoder.destroy(error));
  source.pipe(decoder);
  try {
    for await (const text of decoder as AsyncIterable<string>) yield* restored(reader.push(text));
    yield* restored(reader.end());
  } catch (error) {
    throw csvProblem(fileName, error);
  } finally {
    source.destroy();
  }
}

function csvProblem(fileName: string, error: unknown): DomainError {
  if (error instanceof EncodingProblem) return fileProblem(fileName, error.message, 'encoding');
  if (error instanceof UnclosedQuoteError) {
    const detail: ProblemDetail = { file: fileName, row: error.row, reason: error.message, code: 'bad_format' };
    return new DomainError('VALIDATION_FAILED', `${fileName}: ${error.message}`, [detail]);
  }
  if (error instanceof DomainError) return error;
  return new DomainError('INTERNAL', error instanceof Error ? error.message : 'reading the file failed');
}

function openXlsx(path: string, fileName: string, size: number): TableFile {
  return { format: 'xlsx', size, encoding: () => 'utf-8', rows: () => readXlsxRows(path, fileName) };
}

async function* readXlsxRows(path: string, fileName: string): AsyncGenerator<TableRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, column) => {
          cells[column - 1] = cellText(cell.value);
        });
        for (let i = 0; i < cells.length; i++) cells[i] ??= '';
        yield { row: row.number, cells };
      }
      return; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw fileProblem(fileName, `not readable as XLSX: ${(error as Error).message}`, 'not_tabular');
  }
}

/** A cell's value as the text a CSV would hold (dates as YYYY-MM-DD). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

function fileProblem(fileName: string, reason: string, code: ProblemDetail['code']): DomainError {
  return new DomainError('VALIDATION_FAILED', `${fileName}: ${reason}`, [{ file: fileName, reason, code }]);
}
