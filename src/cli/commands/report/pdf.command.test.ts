import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { MANAGEMENT_REPORT_TEXT } from '../../../core/reports/management-report-text';
import { pdfText, pdftotextAvailable, squeeze } from '../../../testing/pdf-text';
import { createCliRunner } from '../../../testing/test-cli';
import { describeEachDialect } from '../../../testing/test-database';

const hasPdftotext = pdftotextAvailable();

describeEachDialect('iotcheck report pdf', (database) => {
  const cli = createCliRunner(database, 'report-pdf-cli');
  const { dir, run } = cli;
  afterAll(() => cli.cleanUp());
  const firstField = (line: string) => line.split('\t')[0] ?? '';

  it('writes the management report to the -o file, and refuses without -o or for an unknown assessment', async () => {
    const org = firstField((await run(['org', 'create', '--name', '工場'])).out);
    const systemId = firstField(
      (await run(['system', 'create', '--org', org, '--name', '受変電設備', '--criticality', 'critical'])).out,
    );
    const assessmentId = firstField(
      (await run(['assessment', 'create', '--org', org, '--system', systemId, '--title', 'FY2026 点検'])).out,
    );
    const answered = await run([
      'assessment',
      'answer',
      '--org',
      org,
      '--id',
      assessmentId,
      '--item',
      '25',
      '--result',
      'partial',
    ]);
    expect(answered.code).toBe(0);

    const file = join(dir, 'report.pdf');
    const written = await run(
      ['report', 'pdf', '--org', org, '--assessment', assessmentId, '--lang', 'ja', '-o', file],
      'ja',
    );
    expect(written).toMatchObject({ code: 0, written: '' });
    expect(written.err).toContain(`${file}に書き出しました。`);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    if (hasPdftotext) {
      const text = squeeze(pdfText(bytes));
      expect(text).toContain(squeeze(MANAGEMENT_REPORT_TEXT.ja.title));
      expect(text).toContain('受変電設備');
    }

    const refused = await run(['report', 'pdf', '--org', org, '--assessment', assessmentId]);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('A PDF is binary: name the file to write with -o.');
    expect(refused.written).toBe('');

    const missing = join(dir, 'missing.pdf');
    const unknown = await run(['report', 'pdf', '--org', org, '--assessment', 'no-such-id', '-o', missing]);
    expect(unknown.code).not.toBe(0);
    expect(existsSync(missing)).toBe(false);
  });
});
