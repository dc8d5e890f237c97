import type { Actor } from '../../core/auth/actor';
import { assessmentCsvTable, type AssessmentCsvKind } from '../../core/reports/csv/assessment-csv-table';
import type { ExchangeLanguage } from '../../core/reports/exchange-labels';
import { formatCsvTable } from '../../integrations/exports/csv-table';
import type { AssessmentDeps } from '../assessments/assessment-deps';
import { reportOfBytes, type GeneratedReport } from './generated-report';
import { loadAssessmentExchange } from './load-assessment-exchange';
import { reportFileName } from './report-file-name';

/**
 * An assessment of the actor's organisation as a CSV file for Excel: its answers (one row per
 * item), findings (one per finding) or evidence (one per link to an item), headers and labels in
 * `language`; UTF-8 with BOM, CRLF; cells that would run as formulas are neutralised.
 * NOT_FOUND for an unknown assessment.
 */
export async function exportAssessmentCsv(
  deps: Pick<AssessmentDeps, 'database' | 'catalog' | 'clock'>,
  input: { actor: Actor; assessmentId: string; kind: AssessmentCsvKind; language: ExchangeLanguage },
): Promise<GeneratedReport> {
  const data = await loadAssessmentExchange(deps, input);
  const table = assessmentCsvTable(deps.catalog, data, input.kind, input.language);
  return reportOfBytes(
    reportFileName(input.kind, data.assessment.id, deps.clock(), 'csv'),
    'text/csv; charset=utf-8',
    formatCsvTable(table),
  );
}
