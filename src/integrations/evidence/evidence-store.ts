import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromFile } from 'file-type';
import { evidenceTooLarge, type SniffedContent } from '../../core/evidence/evidence-content';
import { createTextProbe } from './text-probe';

/** An upload written to a temporary file, hashed and sniffed, not yet in place. */
export interface StagedEvidenceFile {
  /** Lower-case hex sha256 of the bytes: the file's name in the store. */
  readonly sha256: string;
  readonly sizeBytes: number;
  /** What the bytes are (file-type's signature detection, or UTF-8 text without NUL). */
  readonly content: SniffedContent;
  /** Moves the file into place (fsync'd rename). Call it inside the transaction that records it. */
  commit(): Promise<void>;
  /** Deletes the temporary file; does nothing after commit() or a previous discard(). */
  discard(): Promise<void>;
}

/**
 * Where evidence files live: files under DATA_DIR/evidence (createEvidenceStore, the default) or
 * chunks in PostgreSQL (createPostgresEvidenceStore, EVIDENCE_STORE=postgres, several servers).
 */
export interface EvidenceStore {
  /**
   * Streams `source` to a temporary file while hashing it. Refuses (PAYLOAD_TOO_LARGE) as soon as
   * more than `maxBytes` arrive; on any failure the temporary file is gone before this rejects.
   */
  stage(source: AsyncIterable<Uint8Array | string>, options: { maxBytes: number }): Promise<StagedEvidenceFile>;
  /** The stored bytes of `sha256`, opened now; undefined when no such file is stored. */
  open(sha256: string): Promise<Readable | undefined>;
  /** True when a file with this content is stored. */
  has(sha256: string): Promise<boolean>;
  /** Deletes the stored file of `sha256` (no error when it is already gone). */
  remove(sha256: string): Promise<void>;
  /**
   * Runs `work` while no other work on the same content runs (in this process for the local store,
   * on any server for the PostgreSQL one), so putting a file in place (with its row) and removing
   * an unreferenced one cannot interleave.
   */
  withContentLock<T>(sha256: string, work: () => Promise<T>): Promise<T>;
  /** Deletes temporary files left by a crash that are older than `before`; returns how many. */
  removeStaleUploads(before: Date): Promise<number>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
const TEMP_PREFIX = '.upload-';
const TEMP_SUFFIX = '.tmp';

/**
 * Evidence files on the local disk, content-addressed: `<root>/<first 2 hex>/<sha256>`, so an
 * identical file uploaded twice (by anyone) is stored once and rows refer to it by hash.
 *
 * An upload is streamed into `<root>/.upload-<uuid>.tmp` (same file system, so the final rename is
 * atomic) while being hashed, fsync'd, then renamed into place and the folder fsync'd. A crash or a
 * refused upload therefore never leaves a partial file under a content name; a temporary file is
 * deleted on every failure, and removeStaleUploads() clears those of a crash.
 *
 * Why files and not PostgreSQL large objects: the same store then works on SQLite and PostgreSQL,
 * backups of evidence are plain files (rsync, restic), downloads stream straight from disk, and the
 * database stays small. The price is that DATA_DIR/evidence must be backed up with the database.
 */
export function createEvidenceStore(root: string): EvidenceStore {
  const pathOf = (sha256: string): string => {
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return join(root, sha256.slice(0, 2), sha256);
  };
  const locks = new Map<string, Promise<void>>();

  return {
    async stage(source, { maxBytes }) {
      await mkdir(root, { recursive: true });
      const tempPath = join(root, `${TEMP_PREFIX}${randomUUID()}${TEMP_SUFFIX}`);
      const hash = createHash('sha256');
      const text = createTextProbe();
      let sizeBytes = 0;
      const measure = new Transform({
        transform(chunk: Buffer | string, _encoding, done) {
          const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
          sizeBytes += bytes.length;
          if (sizeBytes > maxBytes) return done(evidenceTooLarge(maxBytes));
          hash.update(bytes);
          text.push(bytes);
          done(null, bytes);
        },
      });
      let state: 'staged' | 'committed' | 'discarded' = 'staged';
      // flush: fsync before close, so the rename below never exposes unwritten data after a crash.
      const sink = createWriteStream(tempPath, { flags: 'wx', mode: 0o600, flush: true });
      const discard = async (): Promise<void> => {
        if (state !== 'staged') return;
        state = 'discarded';
        // A refused upload can fail before the file is even opened; wait for the stream to settle,
        // or its late open() would create the temp file after we removed it.
        if (!sink.closed) await new Promise<void>((resolve) => sink.once('close', () => resolve()));
        await rm(tempPath, { force: true });
      };
      try {
        await pipeline(source, measure, sink);
        const sha256 = hash.digest('hex');
        const detected = await fileTypeFromFile(tempPath);
        const content: SniffedContent = detected
          ? { kind: 'detected', mediaType: detected.mime }
          : text.isText()
            ? { kind: 'text' }
            : { kind: 'unknown' };
        return {
          sha256,
          sizeBytes,
          content,
          async commit() {
            if (state !== 'staged') throw new Error(`cannot commit a ${state} upload`);
            const target = pathOf(sha256);
            await mkdir(join(root, sha256.slice(0, 2)), { recursive: true });
            // Over an existing identical file the rename just replaces it: same bytes, one file.
            await rename(tempPath, target);
            state = 'committed';
            await syncFolder(join(root, sha256.slice(0, 2)));
          },
          discard,
        };
      } catch (error) {
        await discard();
        throw error;
      }
    },

    async open(sha256) {
      try {
        const handle = await open(pathOf(sha256), 'r');
        return handle.createReadStream();
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },

    async has(sha256) {
      try {
        return (await stat(pathOf(sha256))).isFile();
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },

    async remove(sha256) {
      await rm(pathOf(sha256), { force: true });
    },

    async withContentLock(sha256, work) {
      const previous = locks.get(sha256) ?? Promise.resolve();
      let release: () => void = () => undefined;
      const mine = new Promise<void>((resolve) => (release = resolve));
      const tail = previous.then(() => mine);
      locks.set(sha256, tail);
      await previous;
      try {
        return await work();
      } finally {
        release();
        if (locks.get(sha256) === tail) locks.delete(sha256);
      }
    },

    async removeStaleUploads(before) {
      let names: string[];
      try {
        names = await readdir(root);
      } catch (error) {
        if (isMissing(error)) return 0;
        throw error;
      }
      let removed = 0;
      for (const name of names.filter(
        (candidate) => candidate.startsWith(TEMP_PREFIX) && candidate.endsWith(TEMP_SUFFIX),
      )) {
        const path = join(root, name);
        const stats = await stat(path).catch(() => undefined);
        if (stats && stats.mtime < before) {
          await rm(path, { force: true });
          removed += 1;
        }
      }
      return removed;
    },
  };
}

/** fsync a folder so a rename in it survives a crash. Some platforms (Windows) cannot; the rename stands anyway. */
async function syncFolder(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
    await handle.sync();
  } catch (error) {
    if (process.platform !== 'win32') throw error;
  } finally {
    await handle?.close();
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
