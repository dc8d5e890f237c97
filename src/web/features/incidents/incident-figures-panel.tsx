import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '../../components/chart';
import { QueryState } from '../../components/query-state';
import { formatMinutes } from './incident-model';
import type { FigurePoint, FiguresResponse } from './incident-types';
import { useIncidentFigures } from './incidents-api';

const MEASURES = [
  { key: 'medianMinutesToDetect', label: 'incidents.figures.timeToDetect', colour: '#0b5cad' },
  { key: 'medianMinutesToContain', label: 'incidents.figures.timeToContain', colour: '#c77700' },
  { key: 'medianMinutesToRecover', label: 'incidents.figures.timeToRecover', colour: '#2e7d32' },
] as const;
type MeasureKey = (typeof MEASURES)[number]['key'];
const hours = (minutes: number | null | undefined) =>
  minutes === null || minutes === undefined ? null : Math.round((minutes / 60) * 10) / 10;

/**
 * Time to detect, contain and recover as monthly medians: a line chart (hours) and the same
 * numbers as a table; drills are dashed lines and rows of their own, apart from real incidents.
 */
export function IncidentFiguresPanel() {
  const { t } = useTranslation();
  const figures = useIncidentFigures();
  return (
    <section className="panel" aria-labelledby="incident-figures-heading" data-testid="incident-figures">
      <h2 id="incident-figures-heading">{t('incidents.figures.title')}</h2>
      <p className="muted">{t('incidents.figures.lead')}</p>
      <QueryState query={figures}>
        {(data) =>
          data.monthly.length + data.drillMonthly.length === 0 ? (
            <p className="muted">{t('incidents.figures.empty')}</p>
          ) : (
            <Figures figures={data} />
          )
        }
      </QueryState>
    </section>
  );
}

function Figures({ figures }: { figures: FiguresResponse }) {
  const { t } = useTranslation();
  const units = t('incidents.units', { returnObjects: true }) as { minutes: string; hours: string; days: string };
  const { monthly, drillMonthly } = figures;
  const option = useMemo<ChartOption>(() => {
    const months = [...new Set([...monthly, ...drillMonthly].map((row) => row.month))].sort();
    const valuesOf = (rows: readonly FigurePoint[], key: MeasureKey) =>
      months.map((month) => hours(rows.find((row) => row.month === month)?.[key]));
    const seriesOf = (rows: readonly FigurePoint[], drill: boolean) =>
      MEASURES.map((measure) => ({
        type: 'line' as const,
        name: drill ? t('incidents.figures.drillSeries', { name: t(measure.label) }) : t(measure.label),
        data: valuesOf(rows, measure.key),
        connectNulls: true,
        itemStyle: { color: measure.colour },
        ...(drill ? { lineStyle: { type: 'dashed' as const }, symbol: 'emptyCircle' } : {}),
      }));
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0, itemGap: 24 },
      grid: { left: 56, right: 24, top: 40, bottom: drillMonthly.length > 0 ? 72 : 48 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', name: t('incidents.figures.axisHours'), min: 0 },
      series: [...seriesOf(monthly, false), ...(drillMonthly.length > 0 ? seriesOf(drillMonthly, true) : [])],
    };
  }, [monthly, drillMonthly, t]);
  const rows = [...monthly.map((row) => ({ row, drill: false })), ...drillMonthly.map((row) => ({ row, drill: true }))];
  return (
    <>
      <Chart
        option={option}
        label={t('incidents.figures.chartLabel')}
        testId="incident-figures-chart"
        className="chart incident-chart"
      />
      <table className="data-table figures-table" data-testid="figures-table">
        <thead>
          <tr>
            <th scope="col">{t('incidents.figures.month')}</th>
            <th scope="col">{t('incidents.filters.kind')}</th>
            <th scope="col">{t('incidents.figures.count')}</th>
            {MEASURES.map((measure) => (
              <th key={measure.key} scope="col">
                {t(measure.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ row, drill }) => (
            <tr key={`${row.month}-${drill ? 'drill' : 'real'}`}>
              <td className="nowrap">{row.month}</td>
              <td className="nowrap">{t(drill ? 'incidents.kinds.drill' : 'incidents.kinds.real')}</td>
              <td className="number-cell">{row.count}</td>
              {MEASURES.map((measure) => (
                <td key={measure.key} className="number-cell">
                  {formatMinutes(row[measure.key], units)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
