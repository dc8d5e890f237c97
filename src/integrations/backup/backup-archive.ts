import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { extract as createExtract, pack as createPack } from 'tar-stream';

/** What one part of an archive holds: its sha256 and size, as recorded in the manifest. */
export interface ArchivePart {
  readonly sha256: string;
  readonly bytes: number;
}

/** Writes a gzip-compressed tar, one part at a time, hashing every part. */
export interface BackupArchiveWriter {
  /** Adds `path` with the bytes `produce` writes (spooled to a temporary file first: tar needs the size). */
  addStreamed(path: string, produce: (sink: Writable) => Promise<void>): Promise<ArchivePart>;
  /** Adds `path` with these bytes. */
  addBytes(path: string, bytes: Uint8Array): Promise<ArchivePart>;
  /** Ends the archive and waits until every byte reached the destination; removes the spool folder. */
  finish(): Promise<void>;
  /** Stops after a failure and removes the spool folder. */
  abort(): Promise<void>;
}

/**
 * A tar.gz written to `destination`. Parts of unknown size (a table's rows, a stored file) are
 * spooled into a private folder under `spoolRoot` while hashed, then copied into the archive, so
 * memory holds one chunk at a time whatever the size of the database.
 */
export async function createBackupArchiveWriter(
  destination: Writable,
  spoolRoot: string,
): Promise<BackupArchiveWriter> {
  const spool = await mkdtemp(join(spoolRoot, '.iotcheck-backup-'));
  const pack = createPack();
  const gzip = createGzip();
  // pipe(), not pipeline(), into the destination: a failed backup must not destroy the caller's
  // stream (its owner removes the partial file); the caller also ends it.
  const written = pipeline(pack as unknown as Readable, gzip);
  gzip.pipe(destination, { end: false });
  written.catch(() => undefined); // observed by finish()/abort()
  let counter = 0;

  const addEntry = (path: string, size: number, fill: (entry: Writable) => Promise<void>): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const entry = pack.entry({ name: path, size, mode: 0o600 }, (error) => (error ? reject(error) : resolve()));
      fill(entry as unknown as Writable).catch(reject);
    });

  return {
    async addStreamed(path, produce) {
      const file = join(spool, String((counter += 1)));
      const hash = createHash('sha256');
      const hashing = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          done(null, chunk);
        },
      });
      const sink = createWriteStream(file, { mode: 0o600 });
      const spooled = pipeline(hashing, sink);
      await produce(hashing);
      hashing.end();
      await spooled;
      const bytes = (await stat(file)).size;
      await addEntry(path, bytes, (entry) => pipeline(createReadStream(file), entry));
      await rm(file, { force: true });
      return { sha256: hash.digest('hex'), bytes };
    },
    async addBytes(path, bytes) {
      await addEntry(path, bytes.length, async (entry) => {
        entry.end(Buffer.from(bytes));
      });
      return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
    },
    async finish() {
      pack.finalize();
      try {
        await written;
      } finally {
        await rm(spool, { recursive: true, force: true });
      }
    },
    async abort() {
      gzip.unpipe(destination);
      pack.destroy();
      await written.catch(() => undefined);
      await rm(spool, { recursive: true, force: true });
    },
  };
}

/** One part met while reading an archive: its path and its bytes, streamed. */
export interface ArchiveEntry {
  readonly path: string;
  readonly content: AsyncIterable<Buffer>;
}

/**
 * Reads a tar.gz part by part, in archive order, handing each to `visit`, and returns the sha256
 * and size of every part by path (what `visit` did not read is still read and hashed). A damaged
 * archive rejects with the underlying gzip/tar error.
 */
export async function readBackupArchive(
  source: Readable,
  visit: (entry: ArchiveEntry) => Promise<void>,
): Promise<Map<string, ArchivePart>> {
  const extract = createExtract();
  const gunzip = createGunzip();
  const feeding = pipeline(source, gunzip, extract as unknown as Writable);
  feeding.catch(() => undefined); // rethrown below
  const parts = new Map<string, ArchivePart>();
  try {
    for await (const entry of extract) {
      const path = entry.header.name;
      const hash = createHash('sha256');
      let bytes = 0;
      const iterator = (entry as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
      const content: AsyncIterable<Buffer> = {
        [Symbol.asyncIterator]: () => ({
          async next() {
            const step = await iterator.next();
            if (!step.done) {
              hash.update(step.value);
              bytes += step.value.length;
            }
            return step;
          },
        }),
      };
      if (entry.header.type === 'file') await visit({ path, content });
      for await (const rest of content) void rest; // hash what the visitor left
      if (parts.has(path)) throw new Error(`${path} appears twice in the archive`);
      parts.set(path, { sha256: hash.digest('hex'), bytes });
    }
  } catch (error) {
    extract.destroy();
    await feeding.catch(() => undefined);
    throw error;
  }
  await feeding;
  return parts;
}
