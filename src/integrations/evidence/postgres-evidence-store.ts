import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { fileTypeFromStream } from 'file-type';
import { evidenceTooLarge, type SniffedContent } from '../../core/evidence/evidence-content';
import type { DatabaseSchema } from '../../db/database';
import { createDatabaseFileArea } from '../files/database-file-area';
import type { EvidenceStore } from './evidence-store';
import { createTextProbe } from './text-probe';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Evidence files in PostgreSQL (EVIDENCE_STORE=postgres), content-addressed like the local store,
 * so every server behind a load balancer sees the same files with nothing but the database.
 *
 * An upload streams into a nameless `stored_file` row in 256 KiB chunks while being hashed (never
 * the whole file in memory); commit() names it by its sha256 in one short transaction. A refused
 * or failed upload deletes its row; a crash leaves a nameless row that removeStaleUploads() clears.
 *
 * `files` runs chunk reads and writes, `locks` holds the content locks: a transaction per lock
 * with `pg_advisory_xact_lock`, so the lock is released by PostgreSQL even if this server dies.
 * They must be different pools: work under a lock calls commit(), which needs a `files`
 * connection, and lock holders must never be able to take them all.
 */
export function createPostgresEvidenceStore(connections: {
  readonly files: Kysely<DatabaseSchema>;
  readonly locks: Kysely<DatabaseSchema>;
}): EvidenceStore {
  const area = createDatabaseFileArea(connections.files, 'evidence');
  const checked = (sha256: string): string => {
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return sha256;
  };

  return {
    async stage(source, { maxBytes }) {
      const hash = createHash('sha256');
      const text = createTextProbe();
      let seen = 0;
      const { id, sizeBytes } = await area.write(source, (bytes) => {
        seen += bytes.length;
        if (seen > maxBytes) throw evidenceTooLarge(maxBytes);
        hash.update(bytes);
        text.push(bytes);
      });
      let state: 'staged' | 'committed' | 'discarded' = 'staged';
      const discard = async (): Promise<void> => {
        if (state !== 'staged') return;
        state = 'discarded';
        await area.discard(id);
      };
      try {
        const sha256 = hash.digest('hex');
        // Signature detection reads only as many chunks as it needs (an Office file's zip entries).
        const chunks = area.read(id, sizeBytes)[Symbol.asyncIterator]();
        const head = new ReadableStream<Uint8Array>({
          async pull(controller) {
            const next = (await chunks.next()) as IteratorResult<Buffer>;
            if (next.done) controller.close();
            else controller.enqueue(new Uint8Array(next.value));
          },
          async cancel() {
            await chunks.return?.();
          },
        });
        const detected = await fileTypeFromStream(head);
        await chunks.return?.();
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
            await area.commit(id, sha256);
            state = 'committed';
          },
          discard,
        };
      } catch (error) {
        await discard();
        throw error;
      }
    },

    open: (sha256) => area.open(checked(sha256)),
    has: (sha256) => area.has(checked(sha256)),
    remove: (sha256) => area.remove(checked(sha256)),

    async withContentLock(sha256, work) {
      const key = `evidence:${checked(sha256)}`;
      return connections.locks.transaction().execute(async (transaction) => {
        await sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`.execute(transaction);
        return work();
      });
    },

    removeStaleUploads: (before) => area.removeStale(before),
  };
}
