import type { ReportKind } from '../../../core/reports/report-kinds';

/** How the Reports page groups what can be made: for people, for spreadsheets, for other tools. */
export const REPORT_GROUPS = ['people', 'spreadsheets', 'exchange'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

/** Each report kind's group and whether it has the "detailed" variant. Every kind is listed. */
export const REPORT_CATALOGUE: Readonly<Record<ReportKind, { group: ReportGroup; detailed?: true }>> = {
  'management-pdf': { group: 'people', detailed: true },
  'checksheet-xlsx': { group: 'spreadsheets' },
  'answers-csv': { group: 'spreadsheets' },
  'findings-csv': { group: 'spreadsheets' },
  'evidence-csv': { group: 'spreadsheets' },
  'oscal-assessment-results': { group: 'exchange' },
  'oscal-poam': { group: 'exchange' },
  'assessment-json': { group: 'exchange' },
  'assessment-yaml': { group: 'exchange' },
};
