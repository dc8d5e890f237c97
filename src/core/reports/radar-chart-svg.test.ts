import { describe, expect, it } from 'vitest';
import { radarChartSvg, radarGeometry } from './radar-chart-svg';

const axes = [
  { label: 'ID 識別', value: 1 },
  { label: 'PR 防御', value: 0.5 },
  { label: 'DE 検知', value: 0 },
  { label: 'RS 対応', value: null },
  { label: 'RC 復旧', value: 0.8 },
];

describe('radar chart', () => {
  it('puts spoke 0 straight up and spreads the others clockwise', () => {
    const geometry = radarGeometry(360, 250, 8);
    const top = geometry.point(0, 4, 1);
    expect(top.x).toBeCloseTo(geometry.centerX);
    expect(top.y).toBeCloseTo(geometry.centerY - geometry.radius);
    const right = geometry.point(1, 4, 0.5);
    expect(right.x).toBeCloseTo(geometry.centerX + geometry.radius / 2);
    expect(right.y).toBeCloseTo(geometry.centerY);
    expect(geometry.centerY - geometry.radius).toBeGreaterThan(8);
  });

  it('draws one spoke and one label per axis, five rings and the value polygon', () => {
    const svg = radarChartSvg(axes);
    expect(svg.match(/<line /g)).toHaveLength(5);
    expect(svg.match(/<text /g)).toHaveLength(5);
    expect(svg.match(/<polygon /g)).toHaveLength(6);
    expect(svg).toContain('>ID 識別</text>');
    expect(svg).not.toContain('stroke-dasharray');
  });

  it('places a full value on the outer ring and a null value at the centre', () => {
    const geometry = radarGeometry(360, 250, 8);
    const svg = radarChartSvg(axes);
    const values = /<polygon points="([^"]+)" fill="#2f5d8a"/.exec(svg)?.[1]?.split(' ') ?? [];
    const top = geometry.point(0, 5, 1);
    expect(values[0]).toBe(`${Math.round(top.x * 100) / 100},${Math.round(top.y * 100) / 100}`);
    expect(values[3]).toBe(`${geometry.centerX},${geometry.centerY}`);
  });

  it('adds a dashed outline for previous values', () => {
    const svg = radarChartSvg(axes.map((axis) => ({ ...axis, previous: 0.3 })));
    expect(svg).toContain('stroke-dasharray');
  });

  it('escapes labels and the font name', () => {
    const svg = radarChartSvg([{ label: 'R&D <script>"x"', value: 0.5 }], { fontFamily: 'A"B' });
    expect(svg).toContain('R&amp;D &lt;script&gt;&quot;x&quot;');
    expect(svg).toContain('font-family="A&quot;B"');
    expect(svg).not.toContain('<script>');
  });
});
