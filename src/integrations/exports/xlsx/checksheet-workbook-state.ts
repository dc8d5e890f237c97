import { createHash } from 'node:crypto';

/** The header of the per-row block in the hidden sheet. */
export const STATE_ROWS_HEADER = ['itemId', 'number', 'version', 'result', 'commentHash'] as const;

/** The meta keys of the hidden sheet, one per line (key in column A, value in B). */
export const STATE_META_KEYS = [
  'format',
  'assessmentId',
  'organisationId',
  'frameworkId',
  'catalogHash',
  'language',
  'exportedAt',
] as const;

/**
 * A comment as compared between the workbook and iotcheck: line ends as LF (spreadsheets write CR
 * LF or lone CR), nothing else touched.
 */
export function normaliseComment(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** The hash the hidden sheet keeps of an exported comment. */
export function commentHash(text: string): string {
  return createHash('sha256').update(normaliseComment(text), 'utf8').digest('hex');
}
