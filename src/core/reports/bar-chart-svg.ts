import { coordinate, escapeXml, fitText, percent, svgElement } from './svg-text';

/** One bar: a label and a value from 0 to 1 (null: nothing applicable, drawn as a dash). */
export interface BarRow {
  readonly label: string;
  readonly value: number | null;
  /** Rows sharing a group are drawn together; a new group starts after a small gap. */
  readonly group?: string;
}

export interface BarChartOptions {
  readonly width?: number;
  /** Width of the label column on the left. */
  readonly labelWidth?: number;
  readonly rowHeight?: number;
  /** Vertical grid lines as fractions (default: the level thresholds 0.2 … 1). */
  readonly ticks?: readonly number[];
  readonly fontFamily?: string;
  readonly fontSize?: number;
}

/** Where each bar lies: pure geometry, exported for tests. */
export interface BarLayout {
  readonly width: number;
  readonly height: number;
  readonly plotX: number;
  readonly plotWidth: number;
  readonly rows: readonly { readonly y: number; readonly barWidth: number }[];
}

const AXIS_HEIGHT = 12;
const GROUP_GAP = 5;
const VALUE_ROOM = 30;

/** Computes the chart's size and the position and length of every bar. */
export function barLayout(rows: readonly BarRow[], options: BarChartOptions = {}): BarLayout {
  const width = options.width ?? 500;
  const labelWidth = options.labelWidth ?? 190;
  const rowHeight = options.rowHeight ?? 14;
  const plotX = labelWidth + 6;
  const plotWidth = Math.max(10, width - plotX - VALUE_ROOM);
  let y = AXIS_HEIGHT;
  const placed = rows.map((row, index) => {
    if (index > 0 && row.group !== rows[index - 1]?.group) y += GROUP_GAP;
    const top = y;
    y += rowHeight;
    return { y: top, barWidth: plotWidth * Math.min(1, Math.max(0, row.value ?? 0)) };
  });
  return { width, height: y + 2, plotX, plotWidth, rows: placed };
}

/**
 * Horizontal bars as an SVG string: one row per entry with its (escaped, shortened) label, a bar
 * for the value and the value as a percentage; grid lines at `ticks` labelled at the top.
 */
export function barChartSvg(rows: readonly BarRow[], options: BarChartOptions = {}): string {
  const fontSize = options.fontSize ?? 7;
  const font = options.fontFamily ?? 'sans-serif';
  const rowHeight = options.rowHeight ?? 14;
  const ticks = options.ticks ?? [0.2, 0.4, 0.6, 0.8, 1];
  const layout = barLayout(rows, options);
  const labelWidth = layout.plotX - 6;
  const text = (x: number, y: number, anchor: string, content: string, fill = '#1f2937') =>
    svgElement(
      'text',
      { x: coordinate(x), y: coordinate(y), 'text-anchor': anchor, 'font-family': font, 'font-size': fontSize, fill },
      escapeXml(content),
    );
  const parts: string[] = [];
  const bottom = layout.height - 2;
  parts.push(
    svgElement('line', {
      x1: coordinate(layout.plotX),
      y1: AXIS_HEIGHT - 2,
      x2: coordinate(layout.plotX),
      y2: coordinate(bottom),
      stroke: '#9aa3af',
      'stroke-width': 0.6,
    }),
  );
  for (const tick of ticks) {
    const x = layout.plotX + layout.plotWidth * tick;
    parts.push(
      svgElement('line', {
        x1: coordinate(x),
        y1: AXIS_HEIGHT - 2,
        x2: coordinate(x),
        y2: coordinate(bottom),
        stroke: '#e1e5ea',
        'stroke-width': 0.6,
      }),
    );
    parts.push(text(x, AXIS_HEIGHT - 4, 'middle', percent(tick), '#6b7280'));
  }
  rows.forEach((row, index) => {
    const place = layout.rows[index];
    if (!place) return;
    const baseline = place.y + rowHeight / 2 + fontSize * 0.35;
    parts.push(text(0, baseline, 'start', fitText(row.label, fontSize, labelWidth)));
    const barHeight = rowHeight * 0.62;
    const barY = place.y + (rowHeight - barHeight) / 2;
    if (place.barWidth > 0)
      parts.push(
        svgElement('rect', {
          x: coordinate(layout.plotX),
          y: coordinate(barY),
          width: coordinate(place.barWidth),
          height: coordinate(barHeight),
          fill: '#2f5d8a',
        }),
      );
    parts.push(text(layout.plotX + place.barWidth + 3, baseline, 'start', percent(row.value), '#374151'));
  });
  return svgElement(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: layout.width,
      height: coordinate(layout.height),
      viewBox: `0 0 ${layout.width} ${coordinate(layout.height)}`,
    },
    parts.join(''),
  );
}
