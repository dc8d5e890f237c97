import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptEvidenceContent } from '../../core/evidence/evidence-content';
import { createEvidenceStore, type EvidenceStore } from './evidence-store';

/** Every regular file under `dir`, relative, sorted. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A zip archive of uncompressed entries (enough for signature detection of Office files). */
function storedZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(text);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(header, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += header.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const officeFile = (part: string, contentType: string) =>
  storedZip({
    '[Content_Types].xml': `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/${part}" ContentType="${contentType}"/></Types>`,
    [part]: '<x/>',
  });

describe('evidence store', () => {
  let root: string;
  let store: EvidenceStore;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'iotcheck-evidence-'));
    store = createEvidenceStore(join(root, 'evidence'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stages, sniffs and puts a file under its sha256', async () => {
    const staged = await store.stage(Readable.from([PDF.subarray(0, 10), PDF.subarray(10)]), { maxBytes: 1024 });
    expect(staged).toMatchObject({
      sha256: sha(PDF),
      sizeBytes: PDF.length,
      content: { kind: 'detected', mediaType: 'application/pdf' },
    });
    expect(await store.has(staged.sha256)).toBe(false);
    await staged.commit();
    const path = join(root, 'evidence', sha(PDF).slice(0, 2), sha(PDF));
    expect(readFileSync(path)).toEqual(PDF);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(filesUnder(join(root, 'evidence'))).toEqual([join(sha(PDF).slice(0, 2), sha(PDF))]);
  });

  it('stores identical content once', async () => {
    await (await store.stage(Readable.from([PDF]), { maxBytes: 1024 })).commit();
    await (await store.stage(Readable.from([PDF]), { maxBytes: 1024 })).commit();
    expect(filesUnder(join(root, 'evidence'))).toHaveLength(1);
  });

  it('leaves nothing behind when the upload is discarded or too large', async () => {
    const staged = await store.stage(Readable.from([PDF]), { maxBytes: 1024 });
    await staged.discard();
    await expect(
      store.stage(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), { maxBytes: 1024 }),
    ).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(filesUnder(join(root, 'evidence'))).toEqual([]);
  });

  it('leaves nothing behind when the source fails half-way', async () => {
    async function* failing() {
      yield Buffer.from('partial');
      throw new Error('connection reset');
    }
    await expect(store.stage(failing(), { maxBytes: 1024 })).rejects.toThrow('connection reset');
    expect(filesUnder(join(root, 'evidence'))).toEqual([]);
  });

  it('tells UTF-8 text from binary without a signature', async () => {
    const text = await store.stage(Readable.from([Buffer.from('host,port\nカメラ,23\n')]), { maxBytes: 1024 });
    const withNul = await store.stage(Readable.from([Buffer.from('a\u0000b')]), { maxBytes: 1024 });
    const latin1 = await store.stage(Readable.from([Buffer.from([0x63, 0x61, 0x66, 0xe9])]), { maxBytes: 1024 });
    // A three-byte character split across chunks is still text.
    const split = Buffer.from('検査');
    const acrossChunks = await store.stage(Readable.from([split.subarray(0, 2), split.subarray(2)]), {
      maxBytes: 1024,
    });
    expect([text.content, withNul.content, latin1.content, acrossChunks.content]).toEqual([
      { kind: 'text' },
      { kind: 'unknown' },
      { kind: 'unknown' },
      { kind: 'text' },
    ]);
    await Promise.all([text, withNul, latin1, acrossChunks].map((staged) => staged.discard()));
  });

  it('recognises zip archives and Office files by their content, as the allow-list names them', async () => {
    const samples: [string, Buffer, string][] = [
      [
        'report.docx',
        officeFile(
          'word/document.xml',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
        ),
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      [
        'ports.xlsx',
        officeFile('xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
      [
        'brief.pptx',
        officeFile(
          'ppt/presentation.xml',
          'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
        ),
        'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      ],
      ['logs.zip', storedZip({ 'syslog.txt': 'boot ok' }), 'application/zip'],
    ];
    for (const [name, bytes, mediaType] of samples) {
      const staged = await store.stage(Readable.from([bytes]), { maxBytes: 4096 });
      expect(staged.content).toEqual({ kind: 'detected', mediaType });
      expect(acceptEvidenceContent(staged.content, name, staged.sizeBytes)).toBe(mediaType);
      await staged.discard();
    }
  });

  it('opens, and removes, stored content', async () => {
    const staged = await store.stage(Readable.from([PDF]), { maxBytes: 1024 });
    await staged.commit();
    const stream = await store.open(staged.sha256);
    const chunks: Buffer[] = [];
    for await (const chunk of stream ?? []) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks)).toEqual(PDF);
    await store.remove(staged.sha256);
    expect(await store.open(staged.sha256)).toBeUndefined();
    expect(await store.has(staged.sha256)).toBe(false);
  });

  it('runs work on the same content one at a time', async () => {
    const order: string[] = [];
    const slow = store.withContentLock('a'.repeat(64), async () => {
      order.push('first:start');
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('first:end');
    });
    const fast = store.withContentLock('a'.repeat(64), async () => void order.push('second'));
    const other = store.withContentLock('b'.repeat(64), async () => void order.push('other'));
    await Promise.all([slow, fast, other]);
    expect(order.indexOf('second')).toBeGreaterThan(order.indexOf('first:end'));
    expect(order.indexOf('other')).toBeLessThan(order.indexOf('first:end'));
  });

  it('clears temporary files left by a crash, but not fresh ones', async () => {
    await (await store.stage(Readable.from([PDF]), { maxBytes: 1024 })).commit();
    const stale = join(root, 'evidence', '.upload-stale.tmp');
    const fresh = join(root, 'evidence', '.upload-fresh.tmp');
    writeFileSync(stale, 'x');
    writeFileSync(fresh, 'x');
    utimesSync(stale, new Date('2020-01-01'), new Date('2020-01-01'));
    expect(await store.removeStaleUploads(new Date(Date.now() - 3_600_000))).toBe(1);
    expect(filesUnder(join(root, 'evidence'))).toEqual(['.upload-fresh.tmp', join(sha(PDF).slice(0, 2), sha(PDF))]);
  });
});
