import { coordinate, escapeXml, estimateTextWidth, fitText, svgElement } from './svg-text';

/** One spoke of a radar chart: its label and a value from 0 to 1 (null: nothing to score). */
export interface RadarAxis {
  readonly label: string;
  readonly value: number | null;
  /** The value to draw as the earlier outline (a previous assessment), when there is one. */
  readonly previous?: number | null;
}

export interface RadarChartOptions {
  readonly width?: number;
  readonly height?: number;
  /** Grid rings as fractions of the radius (default: the level thresholds 0.2 … 1). */
  readonly rings?: readonly number[];
  readonly fontFamily?: string;
  readonly fontSize?: number;
}

/** Where the spokes and labels of a radar sit: pure geometry, exported for tests. */
export interface RadarGeometry {
  readonly centerX: number;
  readonly centerY: number;
  readonly radius: number;
  /** The point at `fraction` of the radius on spoke `index` of `count` (spoke 0 points up, clockwise). */
  point(index: number, count: number, fraction: number): { x: number; y: number };
}

const LABEL_GAP = 10;

/**
 * The radar's centre and radius inside a width × height box, leaving room above and below for a
 * line of label and at the sides for the widest label (`labelWidth`).
 */
export function radarGeometry(width: number, height: number, fontSize: number, labelWidth = 0): RadarGeometry {
  const centerX = width / 2;
  const centerY = height / 2 + fontSize / 2;
  const radius = Math.max(
    10,
    Math.min(height / 2 - 2 * fontSize - LABEL_GAP, (width / 2 - LABEL_GAP - labelWidth - 2) / 0.96),
  );
  return {
    centerX,
    centerY,
    radius,
    point(index, count, fraction) {
      const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
      return { x: centerX + radius * fraction * Math.cos(angle), y: centerY + radius * fraction * Math.sin(angle) };
    },
  };
}

const clamp = (value: number | null | undefined): number => Math.min(1, Math.max(0, value ?? 0));

/**
 * A radar (spider) chart as an SVG string: grid rings, one spoke per axis with its label, the
 * values as a filled polygon and, when given, previous values as a dashed outline. Values are
 * clamped to 0–1; a null value sits at the centre. Labels are escaped, so any text is safe.
 */
export function radarChartSvg(axes: readonly RadarAxis[], options: RadarChartOptions = {}): string {
  const width = options.width ?? 360;
  const height = options.height ?? 250;
  const fontSize = options.fontSize ?? 8;
  const font = options.fontFamily ?? 'sans-serif';
  const rings = options.rings ?? [0.2, 0.4, 0.6, 0.8, 1];
  const widest = Math.max(0, ...axes.map((axis) => estimateTextWidth(axis.label, fontSize)));
  const geometry = radarGeometry(width, height, fontSize, Math.min(widest, width / 4));
  const count = axes.length;
  const polygon = (fraction: (index: number) => number) =>
    axes
      .map((_, index) => geometry.point(index, count, fraction(index)))
      .map(({ x, y }) => `${coordinate(x)},${coordinate(y)}`)
      .join(' ');
  const parts: string[] = [];
  for (const ring of rings)
    parts.push(`<polygon points="${polygon(() => ring)}" fill="none" stroke="#d5dae1" stroke-width="0.6"/>`);
  axes.forEach((_, index) => {
    const end = geometry.point(index, count, 1);
    parts.push(
      svgElement('line', {
        x1: coordinate(geometry.centerX),
        y1: coordinate(geometry.centerY),
        x2: coordinate(end.x),
        y2: coordinate(end.y),
        stroke: '#d5dae1',
        'stroke-width': 0.6,
      }),
    );
  });
  if (axes.some((axis) => axis.previous !== undefined))
    parts.push(
      svgElement('polygon', {
        points: polygon((index) => clamp(axes[index]?.previous)),
        fill: 'none',
        stroke: '#8a94a3',
        'stroke-width': 1,
        'stroke-dasharray': '3,2',
      }),
    );
  parts.push(
    svgElement('polygon', {
      points: polygon((index) => clamp(axes[index]?.value)),
      fill: '#2f5d8a',
      'fill-opacity': 0.22,
      stroke: '#2f5d8a',
      'stroke-width': 1.4,
    }),
  );
  axes.forEach((axis, index) => {
    const { x, y } = geometry.point(index, count, clamp(axis.value));
    parts.push(`<circle cx="${coordinate(x)}" cy="${coordinate(y)}" r="1.8" fill="#2f5d8a"/>`);
  });
  axes.forEach((axis, index) => {
    const outer = geometry.point(index, count, 1);
    const dx = outer.x - geometry.centerX;
    const dy = outer.y - geometry.centerY;
    const anchor = Math.abs(dx) < 1 ? 'middle' : dx > 0 ? 'start' : 'end';
    const x = outer.x + (anchor === 'middle' ? 0 : Math.sign(dx) * LABEL_GAP);
    const y = dy < -1 ? outer.y - LABEL_GAP : dy > 1 ? outer.y + LABEL_GAP + fontSize * 0.7 : outer.y + fontSize * 0.35;
    const room = anchor === 'middle' ? width : anchor === 'start' ? width - x - 2 : x - 2;
    parts.push(
      svgElement(
        'text',
        {
          x: coordinate(x),
          y: coordinate(y),
          'text-anchor': anchor,
          'font-family': font,
          'font-size': fontSize,
          fill: '#1f2937',
        },
        escapeXml(fitText(axis.label, fontSize, room)),
      ),
    );
  });
  return svgElement(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}` },
    parts.join(''),
  );
}
