import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../../core/text/neutralise-formula';

// Streaming writers of an inventory export: rows are written as they come, so a million devices
// never sit in memory. CSV is UTF-8 with a BOM (Excel in Japan then opens it correctly), CRLF;
// a cell Excel would run as a formula gets a leading apostrophe, which the importer drops again.

/** Receives rows one at a time; `end` finishes the file. */
export interface RowWriter {
  write(cells: readonly string[]): Promise<void>;
  end(): Promise<void>;
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV cell: formula-like text neutralised (CSV injection; the import restores it), quoted when needed. */
function csvCell(value: string): string {
  const cell = neutraliseFormula(value);
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Writes text to a stream, waiting when the stream asks the writer to slow down. */
async function writeText(out: Writable, text: string): Promise<void> {
  if (!out.write(text))
    await new Promise<void>((resolve, reject) => {
      const done = () => {
        out.off('error', reject);
        resolve();
      };
      out.once('drain', done);
      out.once('error', reject);
    });
}

/** A CSV writer (BOM first, one line per row). `end` leaves the stream open for the caller to close. */
export function createCsvRowWriter(out: Writable): RowWriter {
  let started = false;
  return {
    async write(cells) {
      const line = `${cells.map(csvCell).join(',')}\r\n`;
      await writeText(out, started ? line : `\ufeff${line}`);
      started = true;
    },
    async end() {
      if (!started) await writeText(out, '\ufeff');
    },
  };
}

/** An XLSX writer (exceljs streaming workbook, one sheet, inline strings); `end` ends the stream. */
export function createXlsxRowWriter(out: Writable, sheetName: string): RowWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(sheetName);
  return {
    async write(cells) {
      sheet.addRow([...cells]).commit();
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
