import { randomUUID } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import { cliActor } from '../core/auth/actor';
import { FILE_STORE_TABLES } from '../db/backup/file-store-tables';
import { toNeutral } from '../db/backup/neutral-value';
import { readTableShapes } from '../db/backup/table-catalog';
import { connectDatabase } from '../db/connect';
import type { Database, DatabaseDialect } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { createEvidenceStore } from '../integrations/evidence/evidence-store';
import { createPostgresEvidenceStore } from '../integrations/evidence/postgres-evidence-store';
import { writeFileAtomically } from '../integrations/files/write-file-atomically';
import { createJobFileStore } from '../integrations/jobs/job-file-store';
import { createPostgresJobFileStore } from '../integrations/jobs/postgres-job-file-store';
import type { BackupDeps } from '../services/backup/backup-deps';
import { createBackup } from '../services/backup/create-backup';
import { restoreBackup } from '../services/backup/restore-backup';
import { createIncident } from '../services/incidents/create-incident';
import { uploadEvidence } from '../services/evidence/upload-evidence';
import { seedReportAssessment } from './seed-report-assessment';
import { seedMember, seedOrganisation } from './test-accounts';
import { testCatalog, createTestClock } from './test-app';
import {
  createPostgresTestDatabase,
  createSqliteTestDatabase,
  testPostgresUrl,
  type TestDatabase,
} from './test-database';
import { incomingFile, listFiles, uniquePdf, userActor } from './test-evidence';
import { seedDevices } from './test-devices';

/** Where an installation keeps evidence and job files: EVIDENCE_STORE=local or postgres. */
export type StoreKind = 'local' | 'postgres';

/** A whole installation: its database, its file stores and its DATA_DIR (secret.key, local files). */
export interface Installation {
  readonly database: TestDatabase;
  readonly store: StoreKind;
  readonly dataDir: string;
  readonly deps: BackupDeps;
  destroy(): Promise<void>;
}

export const operator = cliActor('backup-test');
export const pgUrl = testPostgresUrl();
export const KEY = Buffer.alloc(32, 7);

/** A fresh installation on `dialect` whose files live in `store` (postgres needs the PostgreSQL dialect). */
export async function createInstallation(dialect: DatabaseDialect, store: StoreKind = 'local'): Promise<Installation> {
  const database = dialect === 'sqlite' ? await createSqliteTestDatabase() : await createPostgresTestDatabase(pgUrl);
  const dataDir = mkdtempSync(join(tmpdir(), 'iotcheck-backup-data-'));
  // The PostgreSQL stores get pools of their own, as openFileStores gives a server.
  const pools = store === 'postgres' ? [connectDatabase(database.config), connectDatabase(database.config)] : [];
  const [files, locks] = pools;
  return {
    database,
    store,
    dataDir,
    deps: {
      database,
      evidenceStore:
        files && locks
          ? createPostgresEvidenceStore({ files: files.db, locks: locks.db })
          : createEvidenceStore(join(dataDir, 'evidence')),
      jobFiles: files ? createPostgresJobFileStore(files.db) : createJobFileStore(join(dataDir, 'jobs')),
      clock: () => new Date('2026-12-02T09:00:00.000Z'),
    },
    async destroy() {
      for (const pool of pools) await pool.close();
      await database.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The installation a server or the CLI uses with only DATA_DIR set: SQLite in DATA_DIR/iotcheck.sqlite
 * and local files. Migrated (as start-up would); destroy() closes it and leaves the folder.
 */
export async function openDataDirInstallation(dataDir: string): Promise<Installation> {
  const file = join(dataDir, 'iotcheck.sqlite');
  const database = connectDatabase({ kind: 'sqlite', file });
  await migrateToLatest(database);
  return {
    database: { ...database, url: `sqlite:${file}`, destroy: () => database.close() },
    store: 'local',
    dataDir,
    deps: {
      database,
      evidenceStore: createEvidenceStore(join(dataDir, 'evidence')),
      jobFiles: createJobFileStore(join(dataDir, 'jobs')),
      clock: () => new Date('2026-12-02T09:00:00.000Z'),
    },
    destroy: () => database.close(),
  };
}

/** Users, an organisation, an assessment with answers and findings, an evidence file, devices, an incident, advisories, a job file. */
export async function seed(installation: Installation): Promise<string> {
  const { database } = installation;
  const clock = createTestClock(new Date('2026-12-01T09:00:00.000Z'));
  const organisationId = await seedOrganisation(database, 'Backup');
  const owner = await seedMember(database, organisationId, 'owner');
  const actor = userActor(owner.userId, organisationId, 'owner');
  const catalog = testCatalog();
  const { systemId, assessmentId } = await seedReportAssessment({ database, clock, catalog }, actor);
  await uploadEvidence(
    { database, clock, catalog, evidenceStore: installation.deps.evidenceStore, evidenceMaxBytes: 1 << 20 },
    { actor, file: incomingFile(uniquePdf(), 'scan.pdf'), details: async () => ({ title: 'ポートスキャン結果' }) },
  );
  const deviceIds = await seedDevices(database, organisationId, 30, (index) => ({
    manufacturer: index % 2 ? 'Acme' : 'カメラ工業',
    latitude: index % 3 ? 35.5 : null,
  }));
  await createIncident(
    { database, clock, catalog },
    {
      actor,
      incident: {
        title: 'カメラの乗っ取り',
        severity: 'high',
        detectedAt: '2026-12-01T09:00:00Z',
        systemIds: [systemId],
        deviceIds: deviceIds.slice(0, 2),
      },
    },
  );
  const text = JSON.stringify({ id: 'JVNDB-2026-000001' });
  await database.db
    .insertInto('advisory')
    .values({
      id: randomUUID(),
      organisation_id: organisationId,
      scope_key: organisationId,
      source: 'jvn',
      tracking_id: 'JVNDB-2026-000001',
      title: 'カメラのファームウェアに認証回避',
      language: 'ja',
      summary: '',
      cves: JSON.stringify(['CVE-2026-0001']),
      published: null,
      last_modified: '2026-11-01T00:00:00Z',
      severity_level: 'critical',
      cvss_score: 9.8,
      kev_date_added: null,
      withdrawn: database.dialect === 'sqlite' ? (1 as never) : true,
      document: text,
      content_hash: 'f'.repeat(64),
      revision: 1,
      imported_at: '2026-11-01T00:00:00Z',
    })
    .execute();
  const jobId = randomUUID();
  await installation.deps.jobFiles.save(jobId, async (destination) => {
    destination.end(Buffer.from('%PDF-1.7 report for the backup test\n'));
  });
  await database.db
    .insertInto('job')
    .values({
      id: jobId,
      organisation_id: organisationId,
      kind: 'assessment-report',
      params: JSON.stringify({ assessmentId }),
      subject_type: 'assessment',
      subject_id: assessmentId,
      status: 'succeeded',
      progress: 1000,
      attempts: 1,
      max_attempts: 3,
      requested_by: owner.userId,
      locked_by: null,
      lease_until: null,
      result_name: 'report.pdf',
      result_media_type: 'application/pdf',
      result_bytes: 38,
      error_code: null,
      error_message: null,
      created_at: '2026-12-01T09:00:00.000Z',
      started_at: '2026-12-01T09:00:01.000Z',
      finished_at: '2026-12-01T09:00:02.000Z',
    })
    .execute();
  return organisationId;
}

/**
 * Every row of every table (found from the schema, not listed here), neutral and sorted; the
 * PostgreSQL file store's tables are left out (their ids are the store's own): compare files with
 * dumpStoredFiles.
 */
export async function dumpTables(database: Database, floatPrecision: boolean): Promise<Record<string, string[]>> {
  const dump: Record<string, string[]> = {};
  for (const table of await readTableShapes(database)) {
    if (FILE_STORE_TABLES.has(table.name)) continue;
    const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table.name)}`.execute(database.db);
    dump[table.name] = rows.rows
      .map((row) =>
        JSON.stringify(
          table.columns.map((column) => {
            const value = toNeutral(row[column.name], column.type);
            // SQLite's REAL is a double, PostgreSQL's a float4: compare across dialects at float4.
            return floatPrecision && typeof value === 'number' && column.type === 'real' ? Math.fround(value) : value;
          }),
        ),
      )
      .sort();
  }
  return dump;
}

/**
 * Every stored file, whichever store holds it, as `evidence/<sha256>` or `jobs/<job id>` → base64;
 * a staging (unfinished) upload shows as `staging/<name>`, so a leftover is a difference too.
 */
export async function dumpStoredFiles(installation: Installation): Promise<Record<string, string>> {
  if (installation.store === 'local')
    return Object.fromEntries(
      (['evidence', 'jobs'] as const).flatMap((folder) =>
        listFiles(join(installation.dataDir, folder)).map((file) => {
          const name = file.split('/').at(-1)!;
          const key = name.startsWith('.') ? `staging/${name}` : `${folder}/${name}`;
          return [key, readFileSync(join(installation.dataDir, folder, file)).toString('base64')];
        }),
      ),
    );
  const { db } = installation.database;
  const files = await db.selectFrom('stored_file').select(['id', 'area', 'name']).execute();
  const dump: Record<string, string> = {};
  for (const file of files) {
    const chunks = await db
      .selectFrom('stored_file_chunk')
      .select('data')
      .where('file_id', '=', file.id)
      .orderBy('seq')
      .execute();
    const key = file.name === null ? `staging/${file.id}` : `${file.area === 'job' ? 'jobs' : 'evidence'}/${file.name}`;
    dump[key] = Buffer.concat(chunks.map((chunk) => Buffer.from(chunk.data))).toString('base64');
  }
  return dump;
}

/** Writes a backup of `installation` to `file`. */
export async function backupTo(installation: Installation, file: string) {
  return writeFileAtomically(file, async (destination) => {
    await createBackup(installation.deps, {
      actor: operator,
      destination,
      spoolDir: tmpdir(),
      installationKey: KEY,
    });
  });
}

/** Restores `file` (or what `open` gives) into `target`. */
export function restoreFrom(target: Installation, file: string, open: () => Readable = () => createReadStream(file)) {
  return restoreBackup(target.deps, {
    actor: operator,
    open,
    installationKey: { configured: undefined, dataDir: target.dataDir },
  });
}
