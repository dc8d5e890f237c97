import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { Transaction } from 'kysely';
import type { Actor } from '../../core/auth/actor';
import { DomainError, type ProblemDetail } from '../../core/domain-error';
import { FILE_STORE_TABLES } from '../../db/backup/file-store-tables';
import { readTableShapes, type TableShape } from '../../db/backup/table-catalog';
import { insertTableRowsOrLocate, resetCounters, rowsPerInsert } from '../../db/backup/table-rows';
import { INSTALLATION_TABLES, findTablesWithRows } from '../../db/backup/tables-with-rows';
import type { DatabaseSchema } from '../../db/database';
import { migrateTo, migrateToLatest, readMigrationStatus } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations/index';
import { readBackupArchive, type ArchiveEntry, type ArchivePart } from '../../integrations/backup/backup-archive';
import { replaceInstallationKeyFile } from '../../integrations/secrets/installation-key';
import type { BackupDeps } from './backup-deps';
import {
  MANIFEST_PATH,
  SECRET_KEY_PATH,
  evidencePath,
  jobPath,
  parseManifest,
  tablePath,
  type BackupManifest,
} from './backup-manifest';
import { requireOperator } from './require-operator';

/** Where the restored installation keeps its key: SECRET_KEY when configured, else DATA_DIR/secret.key. */
export interface InstallationKeySetting {
  readonly configured: string | undefined;
  readonly dataDir: string;
}

export interface RestoreSummary {
  readonly tables: number;
  readonly rows: number;
  readonly evidenceFiles: number;
  readonly jobFiles: number;
  /** Migrations applied after the rows, when the backup came from an older version. */
  readonly migratedAfter: number;
  readonly backupVersion: string;
  readonly backupDialect: string;
}

/**
 * Restores a backup into an EMPTY installation, on either dialect (SQLite → PostgreSQL is a
 * backup from one and a restore into the other).
 *
 * 1. The whole archive is read once and every part's sha256 checked against the manifest; a
 *    changed byte is refused, naming the part, before anything is written.
 * 2. A backup with a migration this version does not know is refused; the schema is brought to
 *    exactly the backup's migrations (the database is empty, so nothing is lost).
 * 3. One transaction inserts every row; files are put in the stores (whichever the target uses)
 *    before it commits and removed again if anything fails — all or nothing. A row the database
 *    refuses is named by its part and line (tables/<name>.ndjson row N).
 * 4. Migrations newer than the backup then run over the restored rows, as on an upgrade.
 */
export async function restoreBackup(
  deps: BackupDeps,
  input: { actor: Actor; open: () => Readable; installationKey: InstallationKeySetting },
): Promise<RestoreSummary> {
  requireOperator(input.actor);
  const { database } = deps;
  const { manifest, parts, secretKey } = await verifyArchive(input.open());
  checkMigrations(manifest);
  if (input.installationKey.configured !== undefined && input.installationKey.configured.trim() !== secretKey.trim())
    throw new DomainError(
      'CONFLICT',
      'SECRET_KEY differs from the key in the backup: the restored two-step sign-in secrets could not be opened. ' +
        "Set SECRET_KEY to the backup's key (the file secret.key inside it) or unset it.",
      [{ field: 'SECRET_KEY', reason: 'differs from the backup' }],
    );

  await refuseUserData(deps);
  const target = manifest.migrations.at(-1);
  if (target && (await readMigrationStatus(database)).applied.at(-1) !== target) await migrateTo(database, target);
  const shapes = await readTableShapes(database);
  await refuseUserData(deps, shapes);

  const created: { evidence: string[]; jobs: string[]; undoKey?: () => void } = { evidence: [], jobs: [] };
  let rows = 0;
  try {
    await database.db.transaction().execute(async (trx) => {
      // Foreign keys are checked row by row on both dialects (tables come in reference order), so
      // a row pointing at nothing fails where it is and can be named; a deferred check could not.
      for (const name of INSTALLATION_TABLES)
        if (shapes.some((shape) => shape.name === name)) await trx.deleteFrom(name as keyof DatabaseSchema).execute();
      const again = await readBackupArchive(input.open(), async (entry) => {
        rows += await restoreEntry(deps, trx, manifest, shapes, entry, created);
      });
      for (const [path, part] of parts) {
        const seen = again.get(path);
        if (!seen || seen.sha256 !== part.sha256)
          throw changedPart(path, 'the file changed while it was being restored');
      }
      for (const shape of shapes) await resetCounters(trx, database.dialect, shape);
      if (input.installationKey.configured === undefined)
        created.undoKey = replaceInstallationKeyFile(input.installationKey.dataDir, secretKey);
    });
  } catch (error) {
    for (const sha256 of created.evidence) await deps.evidenceStore.remove(sha256);
    for (const jobId of created.jobs) await deps.jobFiles.remove(jobId);
    created.undoKey?.();
    throw error;
  }
  const migratedAfter = (await migrateToLatest(database)).length;
  return {
    tables: manifest.tables.length,
    rows,
    evidenceFiles: manifest.evidence.length,
    jobFiles: manifest.jobs.length,
    migratedAfter,
    backupVersion: manifest.iotcheckVersion,
    backupDialect: manifest.dialect,
  };
}

/** Reads the archive once, hashing every part, and checks it against its manifest. Writes nothing. */
async function verifyArchive(
  source: Readable,
): Promise<{ manifest: BackupManifest; parts: Map<string, ArchivePart>; secretKey: string }> {
  let manifestText: string | undefined;
  let secretKey: string | undefined;
  let parts: Map<string, ArchivePart>;
  let reached: string | undefined;
  try {
    parts = await readBackupArchive(source, async (entry) => {
      reached = entry.path;
      if (entry.path === MANIFEST_PATH) manifestText = await readText(entry.content);
      else if (entry.path === SECRET_KEY_PATH) secretKey = await readText(entry.content);
    });
  } catch (error) {
    if (error instanceof DomainError) throw error;
    // A truncated or corrupted archive breaks off in the part last reached (or in the header after it).
    const where = reached ?? '(the start of the archive)';
    throw new DomainError(
      'VALIDATION_FAILED',
      `This is not an iotcheck backup, or it is damaged (at ${where}): ${(error as Error).message}. Nothing was restored.`,
      [{ file: where, reason: `the archive breaks off in or just after this part: ${(error as Error).message}` }],
    );
  }
  if (manifestText === undefined)
    throw new DomainError('VALIDATION_FAILED', 'This is not an iotcheck backup: it has no manifest.json.', [
      { file: MANIFEST_PATH, reason: 'missing' },
    ]);
  const manifest = parseManifest(manifestText);
  const problems: ProblemDetail[] = [];
  for (const [path, expected] of Object.entries(manifest.parts)) {
    const actual = parts.get(path);
    if (!actual) problems.push({ file: path, reason: 'listed in the manifest but missing from the archive' });
    else if (actual.sha256 !== expected.sha256 || actual.bytes !== expected.bytes)
      problems.push({
        file: path,
        reason: `sha256 ${actual.sha256} (${actual.bytes} bytes) differs from the manifest's ${expected.sha256} (${expected.bytes} bytes)`,
      });
  }
  for (const path of parts.keys())
    if (path !== MANIFEST_PATH && !(path in manifest.parts))
      problems.push({ file: path, reason: 'not listed in the manifest' });
  const needed = [
    ...manifest.tables.map((table) => tablePath(table.name)),
    ...manifest.evidence.map(evidencePath),
    ...manifest.jobs.map(jobPath),
    SECRET_KEY_PATH,
  ];
  for (const path of needed)
    if (!(path in manifest.parts)) problems.push({ file: path, reason: 'missing from the manifest' });
  if (problems.length > 0)
    throw new DomainError(
      'VALIDATION_FAILED',
      `The backup was changed or is damaged (${problems.map((problem) => problem.file).join(', ')}); nothing was restored.`,
      problems,
    );
  return { manifest, parts, secretKey: secretKey ?? '' };
}

/** Refuses a backup made by a newer iotcheck, or one whose migrations are not this version's. */
function checkMigrations(manifest: BackupManifest): void {
  const known = Object.keys(MIGRATIONS);
  manifest.migrations.forEach((name, index) => {
    if (known[index] === name) return;
    throw new DomainError(
      'CONFLICT',
      known.includes(name)
        ? `The backup's migrations are not in this version's order (${name}); it cannot be restored here.`
        : `The backup was made by a newer iotcheck (${manifest.iotcheckVersion}, migration ${name}): install that version or newer to restore it.`,
      [{ file: MANIFEST_PATH, field: `migrations[${index}]`, value: name, reason: 'unknown to this version' }],
    );
  });
}

async function refuseUserData(deps: BackupDeps, known?: readonly TableShape[]): Promise<void> {
  const status = await readMigrationStatus(deps.database);
  if (status.applied.length === 0) return; // a brand-new database: no tables yet
  const filled = await findTablesWithRows(deps.database, known ?? (await readTableShapes(deps.database)));
  if (filled.length > 0)
    throw new DomainError(
      'CONFLICT',
      `Restore needs an empty installation, and this one holds data (${filled.join(', ')}). Point DATABASE_URL/DATA_DIR at an empty one.`,
      filled.map((table) => ({ field: table, reason: 'has rows' })),
    );
}

/** Restores one part inside the transaction; returns how many rows it inserted. */
async function restoreEntry(
  deps: BackupDeps,
  trx: Transaction<DatabaseSchema>,
  manifest: BackupManifest,
  shapes: readonly TableShape[],
  entry: ArchiveEntry,
  created: { evidence: string[]; jobs: string[] },
): Promise<number> {
  const table = manifest.tables.find((candidate) => tablePath(candidate.name) === entry.path);
  // Rows of the PostgreSQL file store (in backups made before it was left out) are not restored:
  // the same files are in evidence/ and jobs/ and go to the store this installation uses.
  if (table && FILE_STORE_TABLES.has(table.name)) return 0;
  if (table) return restoreTable(deps, trx, table, shapes, entry);
  const sha256 = manifest.evidence.find((candidate) => evidencePath(candidate) === entry.path);
  if (sha256 !== undefined) {
    if (await deps.evidenceStore.has(sha256)) return 0;
    const staged = await deps.evidenceStore.stage(entry.content, { maxBytes: Number.MAX_SAFE_INTEGER });
    if (staged.sha256 !== sha256) {
      await staged.discard();
      throw changedPart(entry.path, 'its content does not match its name');
    }
    await staged.commit();
    created.evidence.push(sha256);
    return 0;
  }
  const jobId = manifest.jobs.find((candidate) => jobPath(candidate) === entry.path);
  if (jobId !== undefined) {
    created.jobs.push(jobId);
    await deps.jobFiles.save(jobId, async (destination) => {
      for await (const chunk of entry.content)
        if (!destination.write(chunk)) await new Promise((resolve) => destination.once('drain', resolve));
    });
  }
  return 0;
}

async function restoreTable(
  deps: BackupDeps,
  trx: Transaction<DatabaseSchema>,
  table: BackupManifest['tables'][number],
  shapes: readonly TableShape[],
  entry: ArchiveEntry,
): Promise<number> {
  const file = entry.path;
  const shape = shapes.find((candidate) => candidate.name === table.name);
  if (!shape)
    throw new DomainError(
      'VALIDATION_FAILED',
      `The backup holds table ${table.name}, which this schema does not have.`,
      [{ file, reason: 'no such table' }],
    );
  for (const column of table.columns)
    if (!shape.columns.some((candidate) => candidate.name === column.name && candidate.type === column.type))
      throw new DomainError(
        'VALIDATION_FAILED',
        `Column ${table.name}.${column.name} (${column.type}) does not exist here.`,
        [{ file, field: column.name, reason: 'no such column of that type' }],
      );
  const batchSize = rowsPerInsert(shape);
  let batch: Record<string, unknown>[] = [];
  let line = 0;
  const flush = async (): Promise<void> => {
    const first = line - batch.length + 1;
    const located = (index: number, column: string, reason: string): Error =>
      new DomainError('VALIDATION_FAILED', `${file} row ${first + index}, ${column}: ${reason}.`, [
        { file, row: first + index, field: column, reason },
      ]);
    const refused = (index: number, reason: string): Error =>
      new DomainError('VALIDATION_FAILED', `${file} row ${first + index}: ${reason}. Nothing was restored.`, [
        { file, row: first + index, reason },
      ]);
    await insertTableRowsOrLocate(trx, deps.database.dialect, shape, batch, located, refused);
    batch = [];
  };
  for await (const text of createInterface({ input: Readable.from(entry.content), crlfDelay: Infinity })) {
    line += 1;
    let row: unknown;
    try {
      row = JSON.parse(text);
    } catch {
      throw new DomainError('VALIDATION_FAILED', `${file} row ${line} is not JSON.`, [
        { file, row: line, reason: 'not JSON' },
      ]);
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row))
      throw new DomainError('VALIDATION_FAILED', `${file} row ${line} is not an object.`, [
        { file, row: line, reason: 'not an object' },
      ]);
    batch.push(row as Record<string, unknown>);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  if (line !== table.rows)
    throw new DomainError('VALIDATION_FAILED', `${file} holds ${line} rows; the manifest says ${table.rows}.`, [
      { file, reason: `row count ${line} differs from ${table.rows}` },
    ]);
  return line;
}

async function readText(content: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of content) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function changedPart(path: string, reason: string): DomainError {
  return new DomainError(
    'VALIDATION_FAILED',
    `The backup was changed or is damaged (${path}): ${reason}. Nothing was restored.`,
    [{ file: path, reason }],
  );
}
