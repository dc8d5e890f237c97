import { describe, expect, it } from 'vitest';
import { barChartSvg, barLayout } from './bar-chart-svg';
import { estimateTextWidth, fitText } from './svg-text';

const rows = [
  { label: 'ID.AM 資産管理', value: 1, group: 'ID' },
  { label: 'ID.BE ビジネス環境', value: 0.25, group: 'ID' },
  { label: 'PR.AC アクセス制御', value: null, group: 'PR' },
];

describe('bar chart', () => {
  it('makes bars proportional to the value, clamped to the plot', () => {
    const layout = barLayout([...rows, { label: 'x', value: 1.7 }], { width: 400, labelWidth: 100 });
    expect(layout.rows[0]?.barWidth).toBeCloseTo(layout.plotWidth);
    expect(layout.rows[1]?.barWidth).toBeCloseTo(layout.plotWidth / 4);
    expect(layout.rows[2]?.barWidth).toBe(0);
    expect(layout.rows[3]?.barWidth).toBeCloseTo(layout.plotWidth);
    expect(layout.plotX + layout.plotWidth).toBeLessThan(400);
  });

  it('leaves a gap between groups and grows with the rows', () => {
    const layout = barLayout(rows, { rowHeight: 10 });
    expect((layout.rows[1]?.y ?? 0) - (layout.rows[0]?.y ?? 0)).toBe(10);
    expect((layout.rows[2]?.y ?? 0) - (layout.rows[1]?.y ?? 0)).toBeGreaterThan(10);
    expect(layout.height).toBeGreaterThan((layout.rows[2]?.y ?? 0) + 10);
  });

  it('labels every row with its value and draws no bar for a null value', () => {
    const svg = barChartSvg(rows);
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg).toContain('>ID.AM 資産管理</text>');
    expect(svg).toContain('>100%</text>');
    expect(svg).toContain('>25%</text>');
    expect(svg).toContain('>—</text>');
  });

  it('escapes and shortens long labels to the label column', () => {
    const long = 'Information <Protection> Processes & Procedures of a very long name';
    const svg = barChartSvg([{ label: long, value: 0.5 }], { labelWidth: 120, fontSize: 7 });
    const label = /font-size="7" fill="#1f2937">([^<]+)<\/text>/.exec(svg)?.[1] ?? '';
    expect(label.startsWith('Information &lt;Protection&gt;')).toBe(true);
    expect(label.endsWith('…')).toBe(true);
    expect(svg).not.toContain('<Protection>');
  });
});

describe('text fitting', () => {
  it('counts full-width characters as one em and keeps short text whole', () => {
    expect(estimateTextWidth('識別', 10)).toBe(20);
    expect(estimateTextWidth('ID', 10)).toBeCloseTo(11.2);
    expect(fitText('資産管理', 10, 40)).toBe('資産管理');
    const fitted = fitText('サプライチェーンリスクマネジメント', 10, 60);
    expect(fitted.endsWith('…')).toBe(true);
    expect(estimateTextWidth(fitted, 10)).toBeLessThanOrEqual(60);
  });
});
