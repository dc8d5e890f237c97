import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { GeneratedReport } from '../services/reports/generated-report';

/** Writes a generated report to `path` the way a caller does (the caller ends the stream). */
export async function writeReportFile(report: GeneratedReport, path: string): Promise<void> {
  const stream = createWriteStream(path);
  await report.write(stream);
  stream.end();
  await finished(stream);
}

/** Opens a workbook with exceljs, lets `edit` change it, and saves it back in place. */
export async function editWorkbook(path: string, edit: (workbook: ExcelJS.Workbook) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  edit(workbook);
  await workbook.xlsx.writeFile(path);
}

/** The visible checksheet sheet of a workbook (the first sheet). */
export function checksheetSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheet');
  return sheet;
}

/** The spreadsheet row of the item with this No. in a fresh export (header = row 1). */
export function rowOfNumber(sheet: ExcelJS.Worksheet, number: number): ExcelJS.Row {
  for (let row = 2; row <= sheet.rowCount; row++)
    if (String(sheet.getRow(row).getCell(3).value) === String(number)) return sheet.getRow(row);
  throw new Error(`no row with No. ${number}`);
}

/**
 * LibreOffice, when installed: `reason` says why not otherwise. Under CI=true a missing soffice
 * fails the run instead (CI installs libreoffice-calc-nogui).
 */
export function findSoffice(): { path: string } | { reason: string } {
  const probe = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (probe.status === 0) return { path: 'soffice' };
  const reason = 'LibreOffice (soffice) is not installed';
  if (process.env['CI'] === 'true') throw new Error(`CI=true but ${reason}: install libreoffice-calc-nogui.`);
  return { reason };
}

/**
 * Converts `file` with LibreOffice headless into `outDir` (`csv`, `xlsx`, `pdf`), with a private
 * profile so parallel runs do not share one; returns the output path. Throws with soffice's
 * output when it fails.
 */
export function sofficeConvert(file: string, format: 'csv' | 'xlsx' | 'pdf', outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'iotcheck-soffice-'));
  try {
    const filter = format === 'csv' ? 'csv:Text - txt - csv (StarCalc):44,34,76,1' : format;
    const run = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', filter, '--outdir', outDir, file],
      { encoding: 'utf8', timeout: 180_000 },
    );
    if (run.status !== 0) throw new Error(`soffice failed (${run.status}): ${run.stderr}${run.stdout}`);
    const base =
      file
        .split('/')
        .pop()
        ?.replace(/\.[^.]+$/, '') ?? 'out';
    return join(outDir, `${base}.${format}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
