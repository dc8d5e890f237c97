import type { AnswerResult, FindingStatus, Priority } from '../../../core/assessment/assessment.types';
import type { Language } from '../../../core/catalog/catalog.types';

/** The tag of the workbook format, in the hidden sheet; a reader refuses another. */
export const CHECKSHEET_WORKBOOK_FORMAT = 'iotcheck-checksheet/v1';

/** What the hidden sheet says about the whole workbook. */
export interface ChecksheetWorkbookMeta {
  readonly format: string;
  readonly assessmentId: string;
  readonly organisationId: string;
  readonly frameworkId: string;
  readonly catalogHash: string;
  readonly language: Language;
  /** ISO 8601. */
  readonly exportedAt: string;
}

/**
 * What the hidden sheet says about one row: which item it was, and the answer it showed, so an
 * import can tell what the workbook changed from what changed in iotcheck since.
 */
export interface ChecksheetRowState {
  readonly itemId: string;
  /** The item's code as the No. column shows it (`25`). */
  readonly number: string;
  /** The answer's version when exported (0: never saved). */
  readonly version: number;
  readonly result: AnswerResult;
  /** sha256 (hex) of the comment as exported, line ends as LF. */
  readonly commentHash: string;
}

/** One row of the checksheet sheet, in sheet order. */
export interface ChecksheetRow extends ChecksheetRowState {
  /** `ID 特定（Identify）` style labels, as the reader's language writes them. */
  readonly functionLabel: string;
  readonly categoryLabel: string;
  readonly title: string;
  readonly checkPoints: readonly string[];
  readonly comment: string;
  readonly evidenceTitles: readonly string[];
  readonly assignee: string;
  /** YYYY-MM-DD or empty. */
  readonly dueDate: string;
}

/** One row of the findings sheet. */
export interface FindingRow {
  readonly itemNumber: string;
  readonly issue: string;
  readonly impact: string;
  readonly recommendation: string;
  readonly priority: Priority;
  readonly owner: string;
  readonly dueDate: string;
  readonly status: FindingStatus;
}

/** Everything a checksheet workbook shows and carries. */
export interface ChecksheetWorkbookContent {
  readonly meta: ChecksheetWorkbookMeta;
  /** Printed in the page header: the assessment and system. */
  readonly heading: string;
  readonly rows: readonly ChecksheetRow[];
  readonly findings: readonly FindingRow[];
}
