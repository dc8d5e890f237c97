import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { userActor as makeUserActor, type Actor } from '../core/auth/actor';
import type { Role } from '../core/auth/roles';
import { createEvidenceStore } from '../integrations/evidence/evidence-store';
import { createPostgresEvidenceStore } from '../integrations/evidence/postgres-evidence-store';
import type { EvidenceDeps } from '../services/evidence/evidence-deps';
import type { IncomingEvidenceFile } from '../services/evidence/upload-evidence';
import { testCatalog } from './test-app';
import type { TestDatabase } from './test-database';

/** A minimal PDF that file-type recognises by its signature. */
export const MINIMAL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

/** A PDF with a unique trailing comment, so tests sharing a database never share content. */
export function uniquePdf(): Buffer {
  return Buffer.concat([MINIMAL_PDF, Buffer.from(`% ${randomUUID()}\n`)]);
}

/** Evidence deps over a test database and a fresh DATA_DIR in a temp folder. */
export interface TestEvidenceSetup {
  readonly deps: EvidenceDeps;
  /** The DATA_DIR; with the local store files live in DATA_DIR/evidence. */
  readonly dataDir: string;
  /**
   * What the store holds, as the local store lays it out: `<first 2 hex>/<sha256>` per file and
   * `.upload-<id>.tmp` per staging upload (relative paths, sorted). On PostgreSQL the same names
   * are derived from the stored_file rows of this setup's uploads.
   */
  storedFiles(): Promise<string[]>;
  cleanUp(): void;
}

/**
 * Builds evidence deps with a real file store (clock and limit adjustable): files in a temp
 * DATA_DIR on SQLite, the PostgreSQL store (EVIDENCE_STORE=postgres) on PostgreSQL, so every
 * evidence service test runs against both implementations.
 */
export function createTestEvidenceSetup(
  database: TestDatabase,
  options: { maxBytes?: number; clock?: () => Date } = {},
): TestEvidenceSetup {
  const dataDir = mkdtempSync(join(tmpdir(), 'iotcheck-data-'));
  const root = join(dataDir, 'evidence');
  const onPostgres = database.dialect === 'postgres';
  // Several setups share one test database: each sees only the files stored since it began (the
  // store stamps rows with the real time, whatever the test clock says).
  const since = new Date().toISOString();
  return {
    deps: {
      database,
      clock: options.clock ?? (() => new Date()),
      catalog: testCatalog(),
      evidenceStore: onPostgres
        ? createPostgresEvidenceStore({ files: database.db, locks: database.db })
        : createEvidenceStore(root),
      evidenceMaxBytes: options.maxBytes ?? 1024 * 1024,
    },
    dataDir,
    async storedFiles() {
      if (!onPostgres) return listFiles(root);
      const rows = await database.db
        .selectFrom('stored_file')
        .select(['id', 'name'])
        .where('area', '=', 'evidence')
        .where('created_at', '>=', since)
        .execute();
      return rows
        .map((row) => (row.name === null ? `.upload-${row.id}.tmp` : join(row.name.slice(0, 2), row.name)))
        .sort();
    },
    cleanUp: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** Every regular file under `dir`, relative and sorted; [] when it does not exist. */
export function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
      .sort();
  } catch {
    return [];
  }
}

/** An incoming file from bytes, as the HTTP edge would hand it over (optionally cut at the limit). */
export function incomingFile(bytes: Buffer, fileName: string, truncated = false): IncomingEvidenceFile {
  return { content: Readable.from([bytes]), fileName, truncated: () => truncated };
}

/** A signed-in actor acting in an organisation with a role (service tests). */
export function userActor(userId: string, organisationId: string, role: Role = 'assessor'): Actor {
  return makeUserActor({
    userId,
    email: `${role}@example.jp`,
    organisationId,
    role,
    via: 'session',
    mustChangePassword: false,
  });
}

/** One part of a multipart/form-data body: a text field or a file. */
export type FormPart =
  | { readonly name: string; readonly value: string }
  | { readonly name: string; readonly fileName: string; readonly contentType: string; readonly data: Buffer };

/** Builds a multipart/form-data body (for app.inject) with its content-type header. */
export function multipartBody(parts: readonly FormPart[]): { payload: Buffer; contentType: string } {
  const boundary = `----iotcheck${randomUUID().replaceAll('-', '')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if ('value' in part) {
      chunks.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`),
      );
    } else {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\nContent-Type: ${part.contentType}\r\n\r\n`,
        ),
        part.data,
        Buffer.from('\r\n'),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
