import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { DomainError } from '../../core/domain-error';
import { IMPORTER_RUNS, hostileBytes, hostileText, readOrRefusal } from '../../testing/hostile-input';
import { buildZip, deflatedPart, repeatedDeflate } from '../../testing/test-zip';
import { INVENTORY_XLSX_LIMITS } from './check-xlsx-container';
import { openTableFile, type TableRow } from './read-table-file';

// Issue 16, hostile input: an inventory file is read row by row or refused with a DomainError
// naming the file (and the row, where there is one); a zip bomb is refused before it is unpacked.

const dir = mkdtempSync(join(tmpdir(), 'iotcheck-inventory-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let written = 0;
function write(content: string | Uint8Array, extension: string): string {
  const file = join(dir, `devices-${written++}.${extension}`);
  writeFileSync(file, content);
  return file;
}

async function readAll(path: string, fileName: string): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of (await openTableFile(path, fileName)).rows()) rows.push(row);
  return rows;
}

/** Refusals name the file in every detail, with a reason and a stable code (rows where there are rows). */
function expectFileRefusal(refusal: DomainError, fileName: string): void {
  expect(refusal.code).toBe('VALIDATION_FAILED');
  expect(refusal.details.length).toBeGreaterThan(0);
  for (const detail of refusal.details) {
    expect(detail).toMatchObject({ file: fileName, reason: expect.stringMatching(/\S/), code: expect.any(String) });
  }
}

async function refusalOf(path: string, fileName: string): Promise<DomainError> {
  const outcome = await readOrRefusal(() => readAll(path, fileName));
  if ('value' in outcome) throw new Error(`${fileName} was read: ${outcome.value.length} rows`);
  expectFileRefusal(outcome.refusal, fileName);
  return outcome.refusal;
}

const XLSX_PARTS = [
  deflatedPart(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  ),
  deflatedPart('xl/workbook.xml', '<?xml version="1.0"?><workbook/>'),
];
const SHEET_START = '<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>';

describe('openTableFile on hostile input', () => {
  it('reads or refuses (naming the file) arbitrary bytes, CSV-shaped text and damaged ZIPs', async () => {
    const csv = fc
      .array(fc.array(fc.oneof(hostileText, fc.constantFrom('"', '""', 'a,b', '\r\n', '="1+1"')), { maxLength: 6 }), {
        maxLength: 8,
      })
      .map((rows) => rows.map((cells) => cells.join(',')).join('\n'));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          hostileBytes(['PK\u0003\u0004', 'assetTag,name\n', '\ufeffassetTag;name\n', '\u00ff\u00fe']),
          csv.map((text) => Buffer.from(`assetTag,name\n${text}`)),
          fc.tuple(fc.nat({ max: 2000 }), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([at, noise]) => {
            const zip = buildZip([
              ...XLSX_PARTS,
              deflatedPart('xl/worksheets/sheet1.xml', `${SHEET_START}x</t></is></c></row></sheetData></worksheet>`),
            ]);
            const damaged = Buffer.from(zip);
            damaged.set(noise.subarray(0, Math.max(0, damaged.length - (at % damaged.length))), at % damaged.length);
            return damaged;
          }),
        ),
        async (bytes) => {
          const outcome = await readOrRefusal(() => readAll(write(bytes, 'bin'), 'devices.xlsx'));
          if ('refusal' in outcome) expectFileRefusal(outcome.refusal, 'devices.xlsx');
          else for (const row of outcome.value) expect(row.row).toBeGreaterThan(0);
        },
      ),
      { numRuns: IMPORTER_RUNS },
    );
  });

  it('reads an honest workbook written by ExcelJS (the checks do not refuse real files)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('devices');
    sheet.addRow(['assetTag', 'name']);
    for (let index = 1; index <= 500; index++) sheet.addRow([`CAM-${index}`, `Camera ${index}`]);
    const path = write(Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx');
    const rows = await readAll(path, 'devices.xlsx');
    expect(rows).toHaveLength(501);
    expect(rows[500]).toEqual({ row: 501, cells: ['CAM-500', 'Camera 500'] });
  });

  it('refuses a zip bomb whose sheet inflates to 2 GiB, before unpacking it', async () => {
    const bomb = repeatedDeflate(SHEET_START, Buffer.alloc(16 * 1024 ** 2, 0x20), 128);
    const zip = buildZip([
      ...XLSX_PARTS,
      { name: 'xl/worksheets/sheet1.xml', data: bomb.data, declaredSize: bomb.size },
    ]);
    expect(zip.length).toBeLessThan(2 * 1024 ** 2);
    const refusal = await refusalOf(write(zip, 'xlsx'), 'bomb.xlsx');
    expect(refusal.details[0]).toMatchObject({
      code: 'not_tabular',
      reason: expect.stringContaining(`xl/worksheets/sheet1.xml is larger than ${INVENTORY_XLSX_LIMITS.maxEntryBytes}`),
    });
  });

  it('refuses a sheet within the size limit that unpacks hundreds of times its compressed size', async () => {
    const bomb = repeatedDeflate(SHEET_START, Buffer.alloc(16 * 1024 ** 2, 0x20), 8);
    const zip = buildZip([
      ...XLSX_PARTS,
      { name: 'xl/worksheets/sheet1.xml', data: bomb.data, declaredSize: bomb.size },
    ]);
    const refusal = await refusalOf(write(zip, 'xlsx'), 'ratio.xlsx');
    expect(refusal.details[0]!.reason).toContain(`more than ${INVENTORY_XLSX_LIMITS.maxRatio} times its size`);
  });

  it('refuses a bomb whose directory understates its size, stopping at the declared size', async () => {
    const bomb = repeatedDeflate(SHEET_START, Buffer.alloc(16 * 1024 ** 2, 0x20), 64);
    const zip = buildZip([...XLSX_PARTS, { name: 'xl/worksheets/sheet1.xml', data: bomb.data, declaredSize: 1000 }]);
    const refusal = await refusalOf(write(zip, 'xlsx'), 'liar.xlsx');
    expect(refusal.details[0]!.reason).toContain('more than the 1000 bytes its directory declares');
  });

  it('refuses a shared strings part larger than the reader may keep in memory', async () => {
    const bomb = repeatedDeflate('<sst>', Buffer.alloc(16 * 1024 ** 2, 0x61), 17);
    const zip = buildZip([...XLSX_PARTS, { name: 'xl/sharedStrings.xml', data: bomb.data, declaredSize: bomb.size }]);
    const refusal = await refusalOf(write(zip, 'xlsx'), 'strings.xlsx');
    expect(refusal.details[0]!.reason).toContain(`larger than ${INVENTORY_XLSX_LIMITS.maxSharedStringsBytes}`);
  });

  it('refuses more parts than allowed and bytes hidden between parts', async () => {
    const many = Array.from({ length: INVENTORY_XLSX_LIMITS.maxEntries + 1 }, (_, index) =>
      deflatedPart(`xl/part${index}.xml`, '<x/>'),
    );
    expect((await refusalOf(write(buildZip(many), 'xlsx'), 'many.xlsx')).details[0]!.reason).toContain(
      `(at most ${INVENTORY_XLSX_LIMITS.maxEntries})`,
    );
    const smuggled = buildZip([deflatedPart('xl/hidden.xml', '<x/>')]);
    const hidden = buildZip(
      [
        ...XLSX_PARTS,
        deflatedPart('xl/worksheets/sheet1.xml', `${SHEET_START}x</t></is></c></row></sheetData></worksheet>`),
      ],
      smuggled.subarray(0, smuggled.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))),
    );
    expect((await refusalOf(write(hidden, 'xlsx'), 'hidden.xlsx')).details[0]!.reason).toContain(
      'bytes outside the declared parts',
    );
  });

  it('refuses 100,000 nested elements inside a sheet, located', async () => {
    const sheet = `${SHEET_START}x</t></is></c></row>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</sheetData></worksheet>`;
    const zip = buildZip([...XLSX_PARTS, deflatedPart('xl/worksheets/sheet1.xml', sheet)]);
    const outcome = await readOrRefusal(() => readAll(write(zip, 'xlsx'), 'nested.xlsx'));
    if ('refusal' in outcome) expectFileRefusal(outcome.refusal, 'nested.xlsx');
    else expect(outcome.value.length).toBeLessThanOrEqual(1);
  });
});
