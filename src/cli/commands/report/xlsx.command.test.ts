import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createCliRunner } from '../../../testing/test-cli';
import { describeEachDialect } from '../../../testing/test-database';
import { checksheetSheet, editWorkbook, rowOfNumber } from '../../../testing/test-workbooks';

describeEachDialect('iotcheck report xlsx / import-xlsx', (database) => {
  const cli = createCliRunner(database, 'report-xlsx-cli');
  const { run } = cli;
  afterAll(() => cli.cleanUp());
  const firstField = (line: string) => line.split('\t')[0] ?? '';

  it('writes the workbook, previews and applies its changes, and refuses a bad workbook with exit 65', async () => {
    const org = firstField((await run(['org', 'create', '--name', 'Plant'])).out);
    const systemId = firstField(
      (await run(['system', 'create', '--org', org, '--name', 'BAS', '--criticality', 'important'])).out,
    );
    const assessmentId = firstField(
      (await run(['assessment', 'create', '--org', org, '--system', systemId, '--title', 'FY2026'])).out,
    );
    const file = join(cli.dir, 'a.xlsx');
    const written = await run([
      'report',
      'xlsx',
      '--org',
      org,
      '--assessment',
      assessmentId,
      '--lang',
      'en',
      '-o',
      file,
    ]);
    expect(written.err).toContain(file);
    expect(written.code).toBe(0);
    expect(existsSync(file)).toBe(true);

    await editWorkbook(file, (workbook) => {
      const sheet = checksheetSheet(workbook);
      expect(sheet.name).toBe('Checksheet');
      rowOfNumber(sheet, 23).getCell(6).value = 'Implemented';
      rowOfNumber(sheet, 24).getCell(7).value = 'Telnet is off';
    });
    const preview = await run(['report', 'import-xlsx', '--org', org, file, '--dry-run'], 'ja');
    expect(preview.code).toBe(0);
    expect(preview.out).toContain('No.23 回答: 未回答 → 実施済');
    expect(preview.out).toContain('No.24 コメント: （空） → Telnet is off');
    expect(preview.out).toContain('確認のみ: 何も反映していません。');

    const applied = await run(['report', 'import-xlsx', '--org', org, file]);
    expect(applied.code).toBe(0);
    expect(applied.out).toContain('No. 23 answer: unanswered → implemented');
    expect(applied.out).toContain('Applied 2 change(s).');
    expect((await run(['report', 'import-xlsx', '--org', org, file])).out).toContain('nothing to change');

    const broken = join(cli.dir, 'broken.xlsx');
    writeFileSync(broken, 'name,ip\nplc,10.0.0.1\n');
    const refused = await run(['report', 'import-xlsx', '--org', org, broken]);
    expect(refused.code).toBe(65);
    expect(refused.err).toContain('broken.xlsx has problems; nothing was applied.');
    expect(refused.err).toContain('not an XLSX workbook');

    await editWorkbook(file, (workbook) => {
      rowOfNumber(checksheetSheet(workbook), 30).getCell(6).value = 'perhaps';
    });
    const label = await run(['report', 'import-xlsx', '--org', org, file]);
    expect(label.code).toBe(65);
    expect(label.err).toContain('row 31, result, "perhaps": not an answer; choose one of: Implemented, Partial');
  });
});
