import type { Writable } from 'node:stream';
import { sql } from 'kysely';
import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import { IOTCHECK_VERSION } from '../../core/version';
import { readFileReferences } from '../../db/backup/file-references';
import { FILE_STORE_TABLES } from '../../db/backup/file-store-tables';
import { readTableRows } from '../../db/backup/table-rows';
import { readTableShapes } from '../../db/backup/table-catalog';
import type { DatabaseSchema } from '../../db/database';
import { createBackupArchiveWriter, type ArchivePart } from '../../integrations/backup/backup-archive';
import type { Transaction } from 'kysely';
import type { BackupDeps } from './backup-deps';
import {
  BACKUP_FORMAT_VERSION,
  MANIFEST_PATH,
  SECRET_KEY_PATH,
  evidencePath,
  jobPath,
  tablePath,
  type BackupManifest,
} from './backup-manifest';
import { requireOperator } from './require-operator';

/** What a finished backup holds, for the operator's summary. */
export interface BackupSummary {
  readonly tables: number;
  readonly rows: number;
  readonly evidenceFiles: number;
  readonly jobFiles: number;
  readonly migrations: number;
}

/**
 * Writes a consistent snapshot of the installation to `destination` as a tar.gz (layout in
 * backup-manifest.ts), while servers keep running. Every table is read in one transaction —
 * REPEATABLE READ READ ONLY on PostgreSQL, a read transaction on SQLite (WAL keeps writers going) —
 * so the rows are one state that existed; the files copied are those that state refers to.
 * Files are read through `deps`' stores, whichever EVIDENCE_STORE they are; the tables of the
 * PostgreSQL store (FILE_STORE_TABLES) are left out, so their bytes are in the backup once.
 * `installationKey` (the key sealing two-step sign-in secrets) is included: without it the
 * restored secrets cannot be opened. Parts are spooled in `spoolDir` (never all in memory).
 */
export async function createBackup(
  deps: BackupDeps,
  input: { actor: Actor; destination: Writable; spoolDir: string; installationKey: Buffer },
): Promise<BackupSummary> {
  requireOperator(input.actor);
  const { database } = deps;
  // The files of a PostgreSQL file store travel as evidence/ and jobs/ parts, not also as rows.
  const shapes = (await readTableShapes(database)).filter((table) => !FILE_STORE_TABLES.has(table.name));
  const archive = await createBackupArchiveWriter(input.destination, input.spoolDir);
  try {
    const parts: Record<string, ArchivePart> = {};
    const manifestTables: BackupManifest['tables'][number][] = [];
    const snapshot = async (trx: Transaction<DatabaseSchema>) => {
      const migrations = await sql<{ name: string }>`SELECT name FROM schema_migration ORDER BY name`.execute(trx);
      for (const table of shapes) {
        let rows = 0;
        parts[tablePath(table.name)] = await archive.addStreamed(tablePath(table.name), async (sink) => {
          for await (const row of readTableRows(trx, database.dialect, table)) {
            rows += 1;
            if (!sink.write(`${JSON.stringify(row)}\n`)) await new Promise((resolve) => sink.once('drain', resolve));
          }
        });
        manifestTables.push({ name: table.name, rows, columns: table.columns });
      }
      const files = await readFileReferences(trx);
      for (const sha256 of files.evidence) {
        const content = await deps.evidenceStore.open(sha256);
        if (!content) throw missingFile('evidence', sha256);
        const part = await archive.addStreamed(evidencePath(sha256), (sink) => pipeTo(content, sink));
        if (part.sha256 !== sha256)
          throw new DomainError(
            'CONFLICT',
            `The stored evidence file ${sha256} does not hold the bytes named by its hash.`,
            [{ file: evidencePath(sha256), reason: `its content hashes to ${part.sha256}` }],
          );
        parts[evidencePath(sha256)] = part;
      }
      const jobs: string[] = [];
      for (const jobId of files.jobs) {
        // A finished job's file can expire (be purged) at any time; the restored job then says "expired".
        const content = await deps.jobFiles.open(jobId);
        if (!content) continue;
        parts[jobPath(jobId)] = await archive.addStreamed(jobPath(jobId), (sink) => pipeTo(content, sink));
        jobs.push(jobId);
      }
      return { migrations: migrations.rows.map((row) => row.name), evidence: files.evidence, jobs };
    };
    const transaction = database.db.transaction();
    const captured = await (
      database.dialect === 'postgres'
        ? transaction.setIsolationLevel('repeatable read').setAccessMode('read only')
        : transaction
    ).execute(snapshot);
    parts[SECRET_KEY_PATH] = await archive.addBytes(
      SECRET_KEY_PATH,
      Buffer.from(input.installationKey.toString('base64')),
    );
    const manifest: BackupManifest = {
      format: 'iotcheck-backup',
      formatVersion: BACKUP_FORMAT_VERSION,
      iotcheckVersion: IOTCHECK_VERSION,
      createdAt: deps.clock().toISOString(),
      dialect: database.dialect,
      migrations: captured.migrations,
      tables: manifestTables,
      evidence: captured.evidence,
      jobs: captured.jobs,
      parts,
    };
    await archive.addBytes(MANIFEST_PATH, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    await archive.finish();
    return {
      tables: manifestTables.length,
      rows: manifestTables.reduce((sum, table) => sum + table.rows, 0),
      evidenceFiles: captured.evidence.length,
      jobFiles: captured.jobs.length,
      migrations: captured.migrations.length,
    };
  } catch (error) {
    await archive.abort();
    throw error;
  }
}

async function pipeTo(content: AsyncIterable<Uint8Array>, sink: Writable): Promise<void> {
  for await (const chunk of content)
    if (!sink.write(chunk)) await new Promise((resolve) => sink.once('drain', resolve));
}

function missingFile(kind: string, key: string): DomainError {
  return new DomainError(
    'CONFLICT',
    `The ${kind} file ${key} that the database refers to is not in the store (removed while the backup ran?). Run the backup again.`,
    [{ file: `${kind}/${key}`, reason: 'missing from the store' }],
  );
}
