import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { acceptEvidenceContent } from '../../core/evidence/evidence-content';
import { createPostgresTestDatabase, testPostgresUrl, type TestDatabase } from '../../testing/test-database';
import { createEvidenceStore, type EvidenceStore } from './evidence-store';
import { createPostgresEvidenceStore } from './postgres-evidence-store';

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

/** What a store holds: the names of committed files and how many uploads are staging. */
interface Holdings {
  readonly committed: string[];
  readonly staging: number;
}

/** One implementation under test, with a peek at what it holds and a way to fake a crash's leftovers. */
interface StoreUnderTest {
  readonly store: EvidenceStore;
  holdings(): Promise<Holdings>;
  /** Where the local store keeps content (undefined for the database). */
  readonly pathOf?: (sha256: string) => string;
  /** Leaves one staging upload last written long ago and one written just now. */
  leaveCrashedUploads(): Promise<void>;
  cleanUp(): Promise<void>;
}

function localStore(): StoreUnderTest {
  const root = mkdtempSync(join(tmpdir(), 'iotcheck-evidence-'));
  const dir = join(root, 'evidence');
  return {
    store: createEvidenceStore(dir),
    pathOf: (sha256) => join(dir, sha256.slice(0, 2), sha256),
    async holdings() {
      let files: string[] = [];
      try {
        files = filesUnder(dir);
      } catch {
        files = [];
      }
      const staging = files.filter((file) => file.startsWith('.upload-'));
      const committed = files.filter((file) => !file.startsWith('.upload-'));
      // Content files sit in a folder named by their first two hex digits.
      for (const file of committed) expect(file).toBe(join(file.slice(3, 5), file.slice(3)));
      return { committed: committed.map((file) => file.slice(3)).sort(), staging: staging.length };
    },
    async leaveCrashedUploads() {
      writeFileSync(join(dir, '.upload-stale.tmp'), 'x');
      writeFileSync(join(dir, '.upload-fresh.tmp'), 'x');
      utimesSync(join(dir, '.upload-stale.tmp'), new Date('2020-01-01'), new Date('2020-01-01'));
    },
    async cleanUp() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function postgresStore(database: TestDatabase): StoreUnderTest {
  return {
    store: createPostgresEvidenceStore({ files: database.db, locks: database.db }),
    async holdings() {
      const rows = await database.db.selectFrom('stored_file').select('name').where('area', '=', 'evidence').execute();
      const chunkless = await database.db
        .selectFrom('stored_file_chunk')
        .select('file_id')
        .where('file_id', 'not in', database.db.selectFrom('stored_file').select('id'))
        .execute();
      expect(chunkless).toEqual([]);
      return {
        committed: rows.flatMap((row) => (row.name === null ? [] : [row.name])).sort(),
        staging: rows.filter((row) => row.name === null).length,
      };
    },
    async leaveCrashedUploads() {
      const row = (id: string, at: string) => ({
        id,
        area: 'evidence',
        name: null,
        size_bytes: 1,
        created_at: at,
        touched_at: at,
      });
      await database.db
        .insertInto('stored_file')
        .values([row('stale-upload', '2020-01-01T00:00:00.000Z'), row('fresh-upload', new Date().toISOString())])
        .execute();
      await database.db
        .insertInto('stored_file_chunk')
        .values({ file_id: 'stale-upload', seq: 0, data: Buffer.from('x') })
        .execute();
    },
    async cleanUp() {
      await database.db.deleteFrom('stored_file').execute();
    },
  };
}

const implementations: readonly { name: string; skip: boolean; make: () => StoreUnderTest }[] = [
  { name: 'local directory', skip: false, make: localStore },
  // The PostgreSQL half runs wherever the run has a server (global setup fails CI without one).
  { name: 'PostgreSQL', skip: testPostgresUrl() === '', make: () => postgresStore(sharedPostgres()) },
];

let postgresDatabase: TestDatabase | undefined;
const sharedPostgres = (): TestDatabase => {
  if (!postgresDatabase) throw new Error('PostgreSQL test database not ready');
  return postgresDatabase;
};
beforeAll(async () => {
  if (testPostgresUrl() !== '') postgresDatabase = await createPostgresTestDatabase(testPostgresUrl());
});
afterAll(async () => {
  await postgresDatabase?.destroy();
});

describe.each(implementations)('evidence store: $name', ({ skip, make }) => {
  let subject: StoreUnderTest;
  let store: EvidenceStore;
  beforeEach(({ skip: skipTest }) => {
    if (skip) skipTest('no PostgreSQL in this run (global setup says why)');
    subject = make();
    store = subject.store;
  });
  afterEach(async () => {
    await subject?.cleanUp();
  });

  it('stages, sniffs and puts a file under its sha256', async () => {
    const staged = await store.stage(Readable.from([PDF.subarray(0, 10), PDF.subarray(10)]), { maxBytes: 1024 });
    expect(staged).toMatchObject({
      sha256: sha(PDF),
      sizeBytes: PDF.length,
      content: { kind: 'detected', mediaType: 'application/pdf' },
    });
    expect(await store.has(staged.sha256)).toBe(false);
    await staged.commit();
    expect(await subject.holdings()).toEqual({ committed: [sha(PDF)], staging: 0 });
    const stream = await store.open(sha(PDF));
    const chunks: Buffer[] = [];
    for await (const chunk of stream ?? []) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks)).toEqual(PDF);
    // Local files are readable by the server's user only.
    const path = subject.pathOf?.(sha(PDF));
    if (path) expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('stores identical content once', async () => {
    await (await store.stage(Readable.from([PDF]), { maxBytes: 1024 })).commit();
    await (await store.stage(Readable.from([PDF]), { maxBytes: 1024 })).commit();
    expect(await subject.holdings()).toEqual({ committed: [sha(PDF)], staging: 0 });
  });

  it('leaves nothing behind when the upload is discarded or too large', async () => {
    const staged = await store.stage(Readable.from([PDF]), { maxBytes: 1024 });
    await staged.discard();
    await expect(
      store.stage(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), { maxBytes: 1024 }),
    ).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(await subject.holdings()).toEqual({ committed: [], staging: 0 });
  });

  it('leaves nothing behind when the source fails half-way', async () => {
    async function* failing() {
      yield Buffer.from('partial');
      throw new Error('connection reset');
    }
    await expect(store.stage(failing(), { maxBytes: 1024 })).rejects.toThrow('connection reset');
    expect(await subject.holdings()).toEqual({ committed: [], staging: 0 });
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

  it('runs work on the same content one at a time, and other content meanwhile', async () => {
    const order: string[] = [];
    let otherRan: () => void = () => undefined;
    const otherDone = new Promise<void>((resolve) => (otherRan = resolve));
    // Which of two waiters on the same content goes first is not promised (PostgreSQL grants
    // advisory locks in its own order); that they never overlap is.
    const holder = (name: string) =>
      store.withContentLock('a'.repeat(64), async () => {
        order.push(`${name}:start`);
        // Other content is not blocked by this lock: it runs while this one is held.
        await otherDone;
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push(`${name}:end`);
      });
    const other = store.withContentLock('b'.repeat(64), async () => {
      order.push('other');
      otherRan();
    });
    await Promise.all([holder('first'), holder('second'), other]);
    const same = order.filter((entry) => entry !== 'other');
    expect(same).toHaveLength(4);
    expect(same[1]).toBe(same[0]?.replace(':start', ':end'));
    expect(same[3]).toBe(same[2]?.replace(':start', ':end'));
  });

  it('streams a file of many chunks in and out unchanged, hashing it on the way', async () => {
    const big = Buffer.alloc(700 * 1024 + 123);
    for (let index = 0; index < big.length; index += 1) big[index] = (index * 31) % 251;
    const pieces = Array.from({ length: Math.ceil(big.length / 10_000) }, (_, index) =>
      big.subarray(index * 10_000, (index + 1) * 10_000),
    );
    const staged = await store.stage(Readable.from(pieces), { maxBytes: 1024 * 1024 });
    expect(staged).toMatchObject({ sha256: sha(big), sizeBytes: big.length, content: { kind: 'unknown' } });
    await staged.commit();
    const chunks: Buffer[] = [];
    for await (const chunk of (await store.open(staged.sha256)) ?? []) chunks.push(chunk as Buffer);
    expect(sha(Buffer.concat(chunks))).toBe(sha(big));
  });

  it('keeps nothing of an upload that was staged but never committed', async () => {
    const staged = await store.stage(Readable.from([PDF]), { maxBytes: 1024 });
    expect((await subject.holdings()).staging).toBe(1);
    await staged.discard();
    await staged.discard();
    await expect(staged.commit()).rejects.toThrow('discarded');
    expect(await subject.holdings()).toEqual({ committed: [], staging: 0 });
  });

  it('clears temporary files left by a crash, but not fresh ones', async () => {
    await (await store.stage(Readable.from([PDF]), { maxBytes: 1024 })).commit();
    await subject.leaveCrashedUploads();
    expect(await store.removeStaleUploads(new Date(Date.now() - 3_600_000))).toBe(1);
    expect(await subject.holdings()).toEqual({ committed: [sha(PDF)], staging: 1 });
  });
});
