import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { checkZipLimits, WORKBOOK_ZIP_LIMITS } from './zip-limits';

const zipOf = async (files: Record<string, string | Uint8Array>): Promise<Buffer> => {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
};

/** Offsets of the central directory headers' uncompressed-size fields. */
function uncompressedSizeFields(zip: Buffer): number[] {
  const fields: number[] = [];
  for (let at = 0; at + 4 <= zip.length; at++) if (zip.readUInt32LE(at) === 0x02014b50) fields.push(at + 24);
  return fields;
}

describe('ZIP limits before unpacking', () => {
  it('accepts an ordinary container', async () => {
    expect(checkZipLimits(await zipOf({ 'a.xml': '<a/>', 'b.xml': 'x'.repeat(5000) }))).toBeUndefined();
  });

  it('refuses what is no ZIP, or a damaged one', async () => {
    expect(checkZipLimits(Buffer.from('name,ip\nplc,10.0.0.1\n'))).toMatchObject({ kind: 'not_zip' });
    const zip = await zipOf({ 'a.xml': 'x'.repeat(2000) });
    expect(checkZipLimits(zip.subarray(0, zip.length - 30))).toMatchObject({ kind: 'not_zip' });
  });

  it('refuses a container whose directory declares more than the total limit', async () => {
    const zip = await zipOf({ 'xl/worksheets/sheet1.xml': 'x'.repeat(1000) });
    const [field] = uncompressedSizeFields(zip);
    zip.writeUInt32LE(WORKBOOK_ZIP_LIMITS.maxUncompressedBytes + 1, field ?? 0);
    expect(checkZipLimits(zip)).toMatchObject({ kind: 'too_large_unpacked' });
  });

  it('refuses a bomb: one entry that unpacks hundreds of times its size', async () => {
    const bomb = await zipOf({ 'xl/sharedStrings.xml': new Uint8Array(8 * 1024 ** 2) });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(checkZipLimits(bomb)).toMatchObject({ kind: 'ratio', reason: expect.stringMatching(/sharedStrings/) });
  });

  it('refuses a container whose directory understates what an entry unpacks to', async () => {
    const zip = await zipOf({ 'xl/workbook.xml': 'y'.repeat(50_000) });
    const [field] = uncompressedSizeFields(zip);
    zip.writeUInt32LE(100, field ?? 0);
    expect(checkZipLimits(zip)).toMatchObject({ kind: 'size_mismatch' });
  });

  it('refuses too many entries', async () => {
    const files = Object.fromEntries(Array.from({ length: 6 }, (_, index) => [`f${index}.xml`, 'z']));
    expect(checkZipLimits(await zipOf(files), { ...WORKBOOK_ZIP_LIMITS, maxEntries: 5 })).toMatchObject({
      kind: 'too_many_entries',
    });
  });
});
