import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkZipLimits, ZIP_LIMITS } from './zip-limits';

/** A zip's end-of-directory record alone, declaring `entries` entries at offset 0. */
function endOfDirectory(entries: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(entries, 8);
  record.writeUInt16LE(entries, 10);
  return record;
}

/** One central directory entry declaring `size` inflated bytes, followed by an end record. */
function zipDeclaring(size: number): Buffer {
  const entry = Buffer.alloc(46);
  entry.writeUInt32LE(0x02014b50, 0);
  entry.writeUInt32LE(size, 24);
  return Buffer.concat([entry, endOfDirectory(1)]);
}

describe('checkZipLimits', () => {
  it('accepts a real workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('a').getCell('A1').value = 'x';
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(() => checkZipLimits(bytes, 'a.xlsx')).not.toThrow();
  });

  it('refuses what is not a zip, too many parts, or too many inflated bytes, naming the file', () => {
    expect(() => checkZipLimits(Buffer.from('plain text, not a zip at all'), 'a.xlsx')).toThrow(/not a zip/);
    expect(() => checkZipLimits(endOfDirectory(ZIP_LIMITS.maxEntries + 1), 'a.xlsx')).toThrow(/parts/);
    expect(() => checkZipLimits(zipDeclaring(ZIP_LIMITS.maxUncompressedBytes + 1), 'bomb.xlsx')).toThrow(
      expect.objectContaining({ details: [expect.objectContaining({ file: 'bomb.xlsx' })] }),
    );
    expect(() => checkZipLimits(zipDeclaring(0xffffffff), 'a.xlsx')).toThrow(/ZIP64/);
  });
});
