/** The rows to render of a fixed-row-height list, and the space to leave above and below them. */
export interface VisibleRange {
  readonly start: number;
  readonly end: number;
  readonly padTop: number;
  readonly padBottom: number;
}

/**
 * Which rows of `rowCount` show in a viewport scrolled to `scrollTop`, plus `overscan` rows on
 * each side so fast scrolling does not flash empty space. `end` is exclusive.
 */
export function visibleRange(options: {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  rowCount: number;
  overscan: number;
}): VisibleRange {
  const { scrollTop, viewportHeight, rowHeight, rowCount, overscan } = options;
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const shown = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.min(rowCount, Math.max(0, first - overscan));
  const end = Math.min(rowCount, first + shown + overscan);
  return { start, end, padTop: start * rowHeight, padBottom: (rowCount - end) * rowHeight };
}
