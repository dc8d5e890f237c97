import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { GeneratedReport } from '../services/reports/generated-report';

/**
 * Whether poppler's pdftotext is on this machine. Without it PDF text tests are skipped with that
 * reason — except under CI=true, where a missing reader fails the run instead of hiding tests.
 */
export function pdftotextAvailable(): boolean {
  const found = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).error === undefined;
  if (!found && process.env['CI'] === 'true') throw new Error('CI=true but pdftotext (poppler-utils) is missing.');
  if (!found) console.warn('PDF text tests skipped: pdftotext (poppler-utils) is not installed.');
  return found;
}

/** The bytes a generated report writes. */
export async function reportBytes(report: GeneratedReport): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await report.write(
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
    }),
  );
  return Buffer.concat(chunks);
}

/** The text of a PDF as `pdftotext -layout` reads it. */
export function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'iotcheck-pdf-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    const result = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
    return result.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Text for matching: whitespace removed entirely, so a title wrapped over lines (or set in a
 * table column beside other text) still matches as one string.
 */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}
