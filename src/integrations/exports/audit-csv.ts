import { formatExcelCsv } from './csv-table';
import type { AuditEntry } from '../../core/audit/audit-chain';
import { neutraliseFormula } from '../../core/text/neutralise-formula';

const COLUMNS = [
  'seq',
  'occurred_at',
  'id',
  'actor_user_id',
  'actor_label',
  'action',
  'target_type',
  'target_id',
  'before',
  'after',
  'request_id',
  'client_address',
  'organisation_id',
  'prev_hash',
  'hash',
] as const;

type AuditCsvRecord = Record<(typeof COLUMNS)[number], string | number>;

/**
 * Serialises audit entries as CSV, one row per entry with before/after as JSON and both hashes so
 * the file can be checked later. Starts with a BOM so Excel opens the Japanese correctly.
 */
export function formatAuditCsv(entries: readonly AuditEntry[]): string {
  return formatExcelCsv(entries.map(toRecord), { header: true, columns: [...COLUMNS] });
}

function toRecord(entry: AuditEntry): AuditCsvRecord {
  return {
    seq: entry.seq,
    occurred_at: entry.occurredAt,
    id: neutraliseFormula(entry.id),
    actor_user_id: neutraliseFormula(entry.actorUserId ?? ''),
    actor_label: neutraliseFormula(entry.actorLabel),
    action: neutraliseFormula(entry.action),
    target_type: neutraliseFormula(entry.targetType),
    target_id: neutraliseFormula(entry.targetId),
    // JSON never starts like a formula (a negative number is just a number to Excel), so it stays exact.
    before: entry.summary.before === undefined ? '' : JSON.stringify(entry.summary.before),
    after: entry.summary.after === undefined ? '' : JSON.stringify(entry.summary.after),
    request_id: neutraliseFormula(entry.requestId ?? ''),
    client_address: neutraliseFormula(entry.clientAddress ?? ''),
    organisation_id: neutraliseFormula(entry.organisationId ?? ''),
    prev_hash: entry.prevHash,
    hash: entry.hash,
  };
}
