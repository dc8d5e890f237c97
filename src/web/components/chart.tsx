import {
  BarChart,
  LineChart,
  PieChart,
  RadarChart,
  type BarSeriesOption,
  type LineSeriesOption,
  type PieSeriesOption,
  type RadarSeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  RadarComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type RadarComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use as registerEcharts, type ComposeOption, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts the dashboard draws; SVG keeps text crisp, prints well and needs no inline <style>.
registerEcharts([
  RadarChart,
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  RadarComponent,
  SVGRenderer,
]);

export type ChartOption = ComposeOption<
  | RadarSeriesOption
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | RadarComponentOption
>;

/** The page's own font stack, so Japanese labels in charts match the text around them. */
export const CHART_FONT =
  "'Hiragino Sans', 'Yu Gothic UI', 'Yu Gothic', 'iotcheck Noto Sans JP', system-ui, sans-serif";

/**
 * An ECharts chart in a div: created on mount, given the new option whenever it changes (not
 * merged, so removed series disappear), resized with its box and disposed on unmount. The chart
 * is a picture (role=img with a label); pages also render its numbers as text for readers and tests.
 */
export function Chart({
  option,
  label,
  testId,
  className = 'chart',
}: {
  option: ChartOption;
  label: string;
  testId: string;
  className?: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | undefined>(undefined);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => instance.resize());
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      { textStyle: { fontFamily: CHART_FONT }, animationDuration: 300, ...option },
      { notMerge: true },
    );
  }, [option]);

  return <div ref={container} className={className} role="img" aria-label={label} data-testid={testId} />;
}
