import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMPORTER_RUNS, hostileBytes, readOrRefusal } from '../../testing/hostile-input';
import { buildZip, deflatedPart, repeatedDeflate } from '../../testing/test-zip';
import { readQuestionnaireWorkbook } from './questionnaire-workbook-reader';

// Issue 16: a filled questionnaire is read whole into memory, so a zip bomb must be refused
// before ExcelJS unpacks it, including one whose directory understates its size.

const PARTS = [deflatedPart('[Content_Types].xml', '<Types/>'), deflatedPart('xl/workbook.xml', '<workbook/>')];

describe('readQuestionnaireWorkbook on hostile input', () => {
  it('refuses a sheet whose directory declares 1,000 bytes but which inflates to 256 MB, naming the file', async () => {
    const bomb = repeatedDeflate('<worksheet>', Buffer.alloc(16 * 1024 ** 2, 0x20), 16);
    const zip = buildZip([...PARTS, { name: 'xl/worksheets/sheet1.xml', data: bomb.data, declaredSize: 1000 }]);
    const outcome = await readOrRefusal(() => readQuestionnaireWorkbook(zip, 'answers.xlsx'));
    if ('value' in outcome) throw new Error('the bomb was read');
    expect(outcome.refusal.details).toEqual([
      expect.objectContaining({
        file: 'answers.xlsx',
        code: 'file_type',
        reason: expect.stringContaining('1000 bytes'),
      }),
    ]);
  });

  it('refuses an honestly declared bomb by its size', async () => {
    const bomb = repeatedDeflate('<worksheet>', Buffer.alloc(16 * 1024 ** 2, 0x20), 8);
    const zip = buildZip([...PARTS, { name: 'xl/worksheets/sheet1.xml', data: bomb.data, declaredSize: bomb.size }]);
    const outcome = await readOrRefusal(() => readQuestionnaireWorkbook(zip, 'answers.xlsx'));
    if ('value' in outcome) throw new Error('the bomb was read');
    expect(outcome.refusal.details[0]).toMatchObject({ file: 'answers.xlsx', code: 'file_type' });
  });

  it('reads or refuses arbitrary bytes with a DomainError naming the file', async () => {
    await fc.assert(
      fc.asyncProperty(hostileBytes(['PK\u0003\u0004']), async (bytes) => {
        const outcome = await readOrRefusal(() => readQuestionnaireWorkbook(Buffer.from(bytes), 'answers.xlsx'));
        if ('value' in outcome) return;
        for (const detail of outcome.refusal.details) expect(detail.file).toBe('answers.xlsx');
      }),
      { numRuns: IMPORTER_RUNS },
    );
  });
});
