import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DecodeText, EncodingProblem } from './decode-text';

/** Decodes `bytes` fed in chunks of `size` bytes; returns the text and the encoding detected. */
async function decode(bytes: Buffer, size: number): Promise<{ text: string; encoding: string }> {
  const chunks = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  const decoder = new DecodeText();
  let text = '';
  for await (const part of Readable.from(chunks).pipe(decoder)) text += String(part);
  return { text, encoding: decoder.encoding };
}

describe('DecodeText', () => {
  const japanese = 'asset_tag,name\nA-1,第1工場 カメラ①㈱\n';

  it('reads UTF-8 with characters split across chunks, with or without a BOM', async () => {
    for (const size of [1, 2, 5, 64]) {
      expect(await decode(Buffer.from(japanese), size)).toEqual({ text: japanese, encoding: 'utf-8' });
      const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(japanese)]);
      expect(await decode(withBom, size)).toEqual({ text: japanese, encoding: 'utf-8-bom' });
    }
  });

  it('detects Shift_JIS (CP932) even when the Japanese starts after plain ASCII chunks', async () => {
    for (const size of [3, 16, 1024]) {
      expect(await decode(iconv.encode(japanese, 'cp932'), size)).toEqual({ text: japanese, encoding: 'shift_jis' });
    }
  });

  it('reads UTF-16LE with its BOM (Excel "Unicode text")', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(japanese, 'utf16le')]);
    expect(await decode(bytes, 7)).toEqual({ text: japanese, encoding: 'utf-16le' });
  });

  it('refuses text that is neither, instead of garbling it', async () => {
    const mixed = Buffer.concat([Buffer.from('名前\n'), Buffer.from([0x82, 0xa0, 0xff])]);
    await expect(decode(mixed, 4)).rejects.toBeInstanceOf(EncodingProblem);
  });
});
