import { stringify as toCsv } from 'csv-stringify/sync';
import type { CsvTable } from '../../core/reports/csv/assessment-csv-table';

/**
 * A table as CSV the way Excel in Japan opens it: UTF-8 with a BOM, CRLF line ends, fields quoted
 * where needed. csv-stringify quotes a field holding the record delimiter (CRLF) but not a bare LF
 * or CR, which Excel would still take as the end of the row: those fields are quoted too.
 */
export function formatCsvTable(table: CsvTable): string {
  const records = [[...table.header], ...table.rows.map((row) => [...row])];
  return `\ufeff${toCsv(records, { record_delimiter: 'windows', quoted_match: /[\r\n]/ })}`;
}
