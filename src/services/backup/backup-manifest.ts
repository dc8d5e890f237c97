import { DomainError } from '../../core/domain-error';
import type { NeutralType } from '../../db/backup/table-catalog';
import type { ArchivePart } from '../../integrations/backup/backup-archive';

/** The version of the archive layout below; a reader refuses any other. */
export const BACKUP_FORMAT_VERSION = 1;
/** The manifest's path: the archive's last part, written once every other part is hashed. */
export const MANIFEST_PATH = 'manifest.json';
/** The installation key (base64 text, as in DATA_DIR/secret.key). */
export const SECRET_KEY_PATH = 'secret.key';

/**
 * What a backup holds, as `manifest.json`:
 * - `tables/<name>.ndjson` — one JSON object per row, values dialect-neutral (see toNeutral),
 *   in foreign-key order; `tables[].columns` says each column's neutral type.
 * - `evidence/<sha256>` — every evidence content the rows refer to.
 * - `jobs/<job id>` — every finished job file still kept.
 * - `secret.key` — the key sealing two-step sign-in secrets.
 * - `parts` — the sha256 and size of every other part; restore refuses any difference.
 */
export interface BackupManifest {
  readonly format: 'iotcheck-backup';
  readonly formatVersion: number;
  readonly iotcheckVersion: string;
  readonly createdAt: string;
  readonly dialect: string;
  /** Migrations applied to the database backed up, oldest first. */
  readonly migrations: readonly string[];
  readonly tables: readonly {
    readonly name: string;
    readonly rows: number;
    readonly columns: readonly { readonly name: string; readonly type: NeutralType }[];
  }[];
  readonly evidence: readonly string[];
  readonly jobs: readonly string[];
  readonly parts: Readonly<Record<string, ArchivePart>>;
}

export const tablePath = (table: string): string => `tables/${table}.ndjson`;
export const evidencePath = (sha256: string): string => `evidence/${sha256}`;
export const jobPath = (jobId: string): string => `jobs/${jobId}`;

const NEUTRAL_TYPES = new Set(['text', 'integer', 'real', 'boolean', 'bytes', 'json']);

/** Parses and checks the manifest's shape; a problem names the manifest and the field. */
export function parseManifest(text: string): BackupManifest {
  const problem = (field: string, reason: string): DomainError =>
    new DomainError('VALIDATION_FAILED', `The backup's manifest is invalid: ${field} ${reason}.`, [
      { file: MANIFEST_PATH, field, reason },
    ]);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw problem('(whole file)', 'is not JSON');
  }
  const manifest = value as Partial<BackupManifest>;
  if (typeof value !== 'object' || value === null || manifest.format !== 'iotcheck-backup')
    throw problem('format', 'is not "iotcheck-backup"');
  if (manifest.formatVersion !== BACKUP_FORMAT_VERSION)
    throw problem('formatVersion', `is ${String(manifest.formatVersion)}; this version reads ${BACKUP_FORMAT_VERSION}`);
  if (!Array.isArray(manifest.migrations) || !manifest.migrations.every((name) => typeof name === 'string'))
    throw problem('migrations', 'must be a list of names');
  if (!Array.isArray(manifest.tables)) throw problem('tables', 'must be a list');
  manifest.tables.forEach((table, index) => {
    if (typeof table?.name !== 'string' || !/^[a-z_][a-z0-9_]*$/.test(table.name))
      throw problem(`tables[${index}].name`, 'must be a table name');
    if (!Number.isSafeInteger(table.rows) || table.rows < 0) throw problem(`tables[${index}].rows`, 'must be a count');
    if (
      !Array.isArray(table.columns) ||
      !table.columns.every(
        (c: { name?: unknown; type?: unknown }) => typeof c?.name === 'string' && NEUTRAL_TYPES.has(String(c.type)),
      )
    )
      throw problem(`tables[${index}].columns`, 'must list names and types');
  });
  if (!Array.isArray(manifest.evidence) || !manifest.evidence.every((sha) => /^[0-9a-f]{64}$/.test(String(sha))))
    throw problem('evidence', 'must be a list of sha256');
  if (!Array.isArray(manifest.jobs) || !manifest.jobs.every((id) => /^[0-9a-f-]{36}$/.test(String(id))))
    throw problem('jobs', 'must be a list of job ids');
  if (typeof manifest.parts !== 'object' || manifest.parts === null) throw problem('parts', 'must be an object');
  for (const [path, part] of Object.entries(manifest.parts))
    if (typeof part?.sha256 !== 'string' || !Number.isSafeInteger(part.bytes))
      throw problem(`parts.${path}`, 'is invalid');
  return manifest as BackupManifest;
}
