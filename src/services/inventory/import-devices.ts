import { randomUUID } from 'node:crypto';
import type { Actor } from '../../core/auth/actor';
import { DomainError, type ProblemDetail } from '../../core/domain-error';
import type { DeviceFieldKey } from '../../core/inventory/import/device-field-key';
import { compileRowParser } from '../../core/inventory/import/parse-device-row';
import { resolveColumns, type ResolvedHeader } from '../../core/inventory/import/resolve-columns';
import type { Database } from '../../db/database';
import { rebuildFacetCounts } from '../../db/inventory/device-facets.repository';
import { openDeviceImportWriter, type ImportDeviceRow } from '../../db/inventory/device-import-writer';
import { withBulkConnection } from '../../db/inventory/import-connection';
import { insertImportRecord, readImportSettings } from '../../db/inventory/import-settings.repository';
import { openTableFile, type TableFile } from '../../integrations/inventory-import/read-table-file';
import { requireOrganisation } from '../accounts/require-user';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';

export interface ImportDevicesInput {
  readonly actor: Actor;
  /** The file on disk (uploads are spooled to a temp file first) and the name the user knows it by. */
  readonly path: string;
  readonly fileName: string;
  /** Check and count only; nothing is written. */
  readonly dryRun?: boolean;
  /** Import the valid rows and skip the others (and ignore unknown columns) instead of refusing the file. */
  readonly validOnly?: boolean;
  /** A column mapping for this file (header → canonical key); the organisation's saved one otherwise. */
  readonly mapping?: Readonly<Record<string, string>>;
  readonly onProgress?: (rowsRead: number) => void;
  readonly context?: RequestContext;
  /** Tests: rebuild indexes after the load from this many expected rows (default 50,000). */
  readonly rebuildIndexesFrom?: number;
}

export interface ImportDevicesResult {
  readonly importId: string | null;
  readonly dryRun: boolean;
  readonly format: TableFile['format'];
  readonly encoding: string;
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly skipped: number;
  /** With `validOnly`: the problems of the skipped rows and ignored columns (at most MAX_PROBLEMS). */
  readonly problems: readonly ProblemDetail[];
  readonly problemCount: number;
}

/** At most this many problems are listed (all are counted). */
export const MAX_PROBLEMS = 1000;
const BATCH = 2000;
/** A typical inventory row's size in a file, to estimate the rows from the size. */
const AVERAGE_ROW_BYTES = 150;

class Refused extends Error {}

/**
 * Imports devices from a CSV or XLSX file, upserting by asset tag, in ONE transaction: a file
 * with problems is refused whole (nothing written) unless `validOnly`; a dry run rolls back; a
 * crash or kill leaves the inventory as it was. Streams the file (constant memory but for the
 * asset tags seen, kept to find duplicates within the file).
 */
export async function importDevices(
  deps: { readonly database: Database; readonly clock: () => Date },
  input: ImportDevicesInput,
): Promise<ImportDevicesResult> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const startedAt = deps.clock();
  const importId = randomUUID();
  const file = await openTableFile(input.path, input.fileName);
  const settings = await readImportSettings(deps.database.db, organisationId);
  const rows = file.rows()[Symbol.asyncIterator]();
  const first = await rows.next();
  if (first.done) throw fileProblem(input.fileName, 'the file has no header row', 'file_empty');
  const header = resolveColumns(first.value.cells, input.mapping ?? settings.mapping, settings.customFields);
  const headerProblems = refusedHeaderProblems(header, input.validOnly === true);
  if (headerProblems.length > 0) throw refusal(input.fileName, headerProblems, headerProblems.length, 0);

  const problems = new ProblemList(input.fileName);
  if (input.validOnly) for (const problem of header.problems) problems.add(problem);
  const presentFields = presentFieldsOf(header);
  const parseRow = compileRowParser(header.columns);
  const seen = new Map<string, number>();
  let rowCount = 0;
  let skipped = 0;

  const outcome = await withBulkConnection(deps.database, (bulk) =>
    bulk.db
      .transaction()
      .execute(async (transaction) => {
        const now = startedAt.toISOString();
        const writerContext = {
          organisationId,
          importId,
          presentFields,
          now,
          actorUserId: actor.userId || null,
          expectedRows: Math.ceil(file.size / AVERAGE_ROW_BYTES),
          ...(input.rebuildIndexesFrom !== undefined && { rebuildIndexesFrom: input.rebuildIndexesFrom }),
        };
        const writer = await openDeviceImportWriter(bulk, transaction, writerContext);
        let batch: ImportDeviceRow[] = [];
        try {
          for (let next = await rows.next(); !next.done; next = await rows.next()) {
            const { row, cells } = next.value;
            rowCount++;
            const parsed = parseRow(cells, row);
            let rowProblems = parsed.problems;
            const tag = parsed.fields.assetTag;
            if (tag !== undefined && tag !== '' && rowProblems.length === 0) {
              const firstRow = seen.get(tag);
              if (firstRow === undefined) seen.set(tag, row);
              else rowProblems = [duplicate(row, header, tag, firstRow)];
            }
            rowProblems = rowProblems.concat(extraCells(cells, header, row));
            if (rowProblems.length > 0) {
              for (const problem of rowProblems) problems.add(problem);
              skipped++;
            } else if (input.validOnly || problems.count === 0) {
              batch.push({ row, fields: parsed.fields });
            }
            if (batch.length >= BATCH) {
              await writer.write(batch);
              batch = [];
            }
            if (rowCount % BATCH === 0) input.onProgress?.(rowCount);
          }
          if (batch.length > 0) await writer.write(batch);
          input.onProgress?.(rowCount);
          if (rowCount === 0) throw fileProblem(input.fileName, 'the file has a header but no rows', 'file_empty');
          if (problems.count > 0 && !input.validOnly) throw new Refused();
        } catch (error) {
          await writer.abort();
          throw error;
        }
        const counts = await writer.finish();
        if (input.dryRun) throw new DryRunDone(counts);
        await rebuildFacetCounts(transaction, organisationId);
        await insertImportRecord(transaction, {
          id: importId,
          organisation_id: organisationId,
          file_name: input.fileName,
          format: file.format,
          encoding: file.encoding(),
          created_count: counts.created,
          updated_count: counts.updated,
          unchanged_count: counts.unchanged,
          skipped_count: skipped,
          imported_by: actor.userId || null,
          started_at: now,
          finished_at: deps.clock().toISOString(),
        });
        await recordAudit(transaction, actor, input.context, startedAt, {
          organisationId,
          action: 'inventory.import',
          targetType: 'inventory_import',
          targetId: importId,
          after: { fileName: input.fileName, rows: rowCount, ...counts, skipped },
        });
        return { ...counts, dryRun: false };
      })
      .catch((error: unknown) => {
        if (error instanceof DryRunDone) return { ...error.counts, dryRun: true };
        if (error instanceof Refused) throw refusal(input.fileName, problems.list, problems.count, rowCount);
        throw error;
      }),
  );
  return {
    importId: outcome.dryRun ? null : importId,
    dryRun: outcome.dryRun,
    format: file.format,
    encoding: file.encoding(),
    rows: rowCount,
    created: outcome.created,
    updated: outcome.updated,
    unchanged: outcome.unchanged,
    skipped,
    problems: problems.list,
    problemCount: problems.count,
  };
}

/** Thrown inside the transaction to roll a dry run back with its counts. */
class DryRunDone extends Error {
  constructor(readonly counts: { created: number; updated: number; unchanged: number }) {
    super('dry run');
  }
}

class ProblemList {
  readonly list: ProblemDetail[] = [];
  count = 0;
  constructor(private readonly fileName: string) {}
  add(problem: ProblemDetail) {
    this.count++;
    if (this.list.length < MAX_PROBLEMS) this.list.push({ file: this.fileName, ...problem });
  }
}

/** Header problems that refuse the file: all of them, or with `validOnly` all but unknown columns. */
function refusedHeaderProblems(header: ResolvedHeader, validOnly: boolean): ProblemDetail[] {
  return header.problems.filter((problem) => !validOnly || problem.code !== 'unknown_column');
}

function presentFieldsOf(header: ResolvedHeader): DeviceFieldKey[] {
  const fields: DeviceFieldKey[] = [];
  for (const column of header.columns) {
    if (column.target === 'device') fields.push(column.column.field);
    if (column.target === 'custom' && !fields.includes('customFields')) fields.push('customFields');
  }
  return fields;
}

function duplicate(row: number, header: ResolvedHeader, tag: string, firstRow: number): ProblemDetail {
  const column = header.columns.findIndex((col) => col.target === 'device' && col.column.key === 'asset_tag') + 1;
  return {
    row,
    column,
    field: 'asset_tag',
    value: tag,
    reason: `duplicate asset tag (first in row ${firstRow})`,
    code: 'duplicate',
    params: { other: firstRow },
  };
}

/** Cells beyond the header's columns are data without a column: a problem unless empty. */
function extraCells(cells: readonly string[], header: ResolvedHeader, row: number): ProblemDetail[] {
  for (let index = header.columns.length; index < cells.length; index++) {
    if (cells[index]!.trim() !== '') {
      return [
        {
          row,
          column: index + 1,
          value: cells[index]!.slice(0, 80),
          reason: 'a value in a column without a header',
          code: 'unexpected_field',
        },
      ];
    }
  }
  return [];
}

function refusal(fileName: string, problems: readonly ProblemDetail[], count: number, rows: number): DomainError {
  return new DomainError(
    'VALIDATION_FAILED',
    `${fileName}: ${count} problem(s); nothing was imported.`,
    problems.map((problem) => ({ file: fileName, ...problem })),
    { problemCount: count, rows },
  );
}

function fileProblem(fileName: string, reason: string, code: ProblemDetail['code']): DomainError {
  return new DomainError('VALIDATION_FAILED', `${fileName}: ${reason}`, [{ file: fileName, reason, code }]);
}
