import { stringify as toCsv } from 'csv-stringify/sync';
import type { CsvTable } from '../../core/reports/csv/assessment-csv-table';

/**
 * A table as CSV the way Excel in Japan opens it: UTF-8 with a BOM, CRLF line ends, fields quoted
 * where needed. csv-stringify quotes a field holding the record delimiter (CRLF) but not a bare LF
 * or CR, which Excel would still take as the end of the row: those fields are quoted too.
 */
export function formatCsvTable(table: CsvTable): string {
  return formatExcelCsv([[...table.header], ...table.rows.map((row) => [...row])]);
}

/** Records (arrays, or objects with `columns` or a header) as CSV for Excel, as formatCsvTable describes. */
export function formatExcelCsv(
  records: readonly (readonly unknown[] | Readonly<Record<string, unknown>>)[],
  options: { header?: boolean; columns?: string[] } = {},
): string {
  return `\ufeff${toCsv(records as unknown[], { ...options, record_delimiter: 'windows', quoted_match: /[\r\n]/ })}`;
}
