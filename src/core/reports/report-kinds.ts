/**
 * The reports and exports a member can ask for on an assessment's Reports page. Each runs as a
 * background job and ends as one file to download.
 */
export const REPORT_KINDS = [
  'management-pdf',
  'checksheet-xlsx',
  'answers-csv',
  'findings-csv',
  'evidence-csv',
  'oscal-assessment-results',
  'oscal-poam',
  'assessment-json',
  'assessment-yaml',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export function isReportKind(value: string): value is ReportKind {
  return (REPORT_KINDS as readonly string[]).includes(value);
}
