import { RESULTS, type AnswerResult } from '../assessment/assessment.types';

/** How a result may be written in a workbook cell: its ja or en label, or its code. */
export type ResultLabels = Readonly<Record<AnswerResult, string>>;

/**
 * Reads an answer cell: a label in any of `labelSets` (compared trimmed, Latin letters in any
 * case, full-width spaces as spaces) or an internal code (`not_applicable`). An empty cell means
 * unanswered. Undefined for anything else.
 */
export function parseResultLabel(text: string, labelSets: readonly ResultLabels[]): AnswerResult | undefined {
  const folded = fold(text);
  if (folded === '') return 'unanswered';
  for (const result of RESULTS) {
    if (folded === result || folded === fold(result.replaceAll('_', ' '))) return result;
    if (labelSets.some((labels) => fold(labels[result]) === folded)) return result;
  }
  return undefined;
}

const fold = (text: string): string =>
  text
    .replace(/\u3000/g, ' ')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();

/** One row of the hidden sheet: the item and the No. it was exported under. */
export interface ExportedRow {
  readonly number: string;
}

/** One row of the visible sheet (its spreadsheet row number and the No. written in it). */
export interface VisibleRow {
  readonly row: number;
  readonly number: string;
}

/** A row that is not where the export put it. */
export interface RowMismatch {
  readonly row: number;
  readonly kind: 'moved' | 'deleted' | 'added';
  /** The No. the export had at this position (absent for an added row). */
  readonly expected?: string;
  /** The No. found there (absent for a deleted row). */
  readonly found?: string;
}

/** `025` and `25` are the same No.; other codes compare as written. */
const sameNumber = (a: string, b: string): boolean =>
  a === b || (/^\d+$/.test(a) && /^\d+$/.test(b) && Number(a) === Number(b));

/**
 * Compares the visible rows with the rows the export wrote, position by position: the same No. in
 * the same order, no more and no fewer. A row whose No. differs is `moved` when that No. belongs
 * elsewhere in the export, else (an unknown or emptied No.) `added`; positions past the end are
 * `deleted` or `added`. `firstRow` is the spreadsheet row of the first item.
 */
export function compareWorkbookRows(
  exported: readonly ExportedRow[],
  visible: readonly VisibleRow[],
  firstRow = 2,
): RowMismatch[] {
  const mismatches: RowMismatch[] = [];
  const known = (number: string) => exported.some((row) => sameNumber(row.number, number));
  const length = Math.max(exported.length, visible.length);
  for (let index = 0; index < length; index++) {
    const expected = exported[index];
    const found = visible[index];
    if (!found) {
      mismatches.push({ row: firstRow + index, kind: 'deleted', expected: expected?.number ?? '' });
      continue;
    }
    if (!expected) {
      mismatches.push({ row: found.row, kind: 'added', found: found.number });
      continue;
    }
    if (sameNumber(expected.number, found.number)) continue;
    const vanished = !visible.some((row) => sameNumber(row.number, expected.number));
    mismatches.push({
      row: found.row,
      kind: vanished && !known(found.number) ? 'added' : vanished ? 'deleted' : 'moved',
      expected: expected.number,
      found: found.number,
    });
  }
  return mismatches;
}
