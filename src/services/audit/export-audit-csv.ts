import type { AuditEntry } from '../../core/audit/audit-chain';
import { parseTimeBound } from '../../core/audit/time-bound';
import { listAuditEvents } from '../../db/audit.repository';
import type { Database } from '../../db/database';
import { formatAuditCsv } from '../../integrations/exports/audit-csv';
import type { ExportedFile } from '../../integrations/exports/catalog-export-format';

/** Which of one organisation's events to export. Times are ISO 8601; a date alone is a UTC day. */
export interface ExportAuditCsvOptions {
  readonly organisationId: string;
  readonly userId?: string;
  readonly action?: string;
  /** From this time on (inclusive). */
  readonly from?: string;
  /** Before this time; a date alone includes that whole day. */
  readonly to?: string;
}

const PAGE_SIZE = 500;

/** Exports an organisation's audit events, oldest first, as a CSV file. */
export async function exportAuditCsv(
  deps: { database: Database },
  options: ExportAuditCsvOptions,
): Promise<ExportedFile> {
  const from = options.from === undefined ? undefined : parseTimeBound(options.from, 'from', false);
  const to = options.to === undefined ? undefined : parseTimeBound(options.to, 'to', true);
  const entries: AuditEntry[] = [];
  let afterSeq: number | undefined;
  do {
    const page = await listAuditEvents(deps.database.db, {
      organisationId: options.organisationId,
      userId: options.userId,
      action: options.action,
      from,
      to,
      afterSeq,
      limit: PAGE_SIZE,
    });
    entries.push(...page.entries);
    afterSeq = page.nextSeq ?? undefined;
  } while (afterSeq !== undefined);
  return { mediaType: 'text/csv', extension: 'csv', content: formatAuditCsv(entries) };
}
