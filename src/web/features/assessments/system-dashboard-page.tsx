import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AssessmentSummary, IotSystem, ScoresResponse } from '../../../contracts/assessment.schema';
import { getJson } from '../../api/api-client';
import { assessmentKeys, useAssessmentList, useSystems } from '../../api/assessment-queries';
import { useFrameworkTree } from '../../api/catalog-queries';
import { Chart, type ChartOption } from '../../components/chart';
import { QueryState } from '../../components/query-state';
import { useLocalized } from '../../i18n/use-localized';
import { percent } from './assessment-model';
import { usePageTitle } from '../../components/use-page-title';
import { functionColour, OVERALL_COLOUR } from '../../components/palette';
import { SystemInventorySection } from '../inventory/system-inventory-section';

const FUNCTION_CODES = ['ID', 'PR', 'DE', 'RS', 'RC'] as const;
type GroupScore = ScoresResponse['overall'];
/** A group's score for a chart: none (a gap, not 0 %) while nothing in it is answered. */
const toPercent = (group: GroupScore | undefined) =>
  !group || group.answered === 0 || group.score === null ? null : Math.round(group.score * 1000) / 10;

/** Management view of one IoT system across its assessments: how each function moved run by run. */
export function SystemDashboardPage() {
  const { id = '' } = useParams();
  const systems = useSystems();
  const list = useAssessmentList();
  return (
    <QueryState query={systems}>
      {(systemData) => (
        <QueryState query={list}>
          {(listData) => {
            const system = systemData.systems.find((candidate) => candidate.id === id);
            if (!system) return <p role="alert">{id}</p>;
            const runs = listData.assessments
              .filter((assessment) => assessment.systemId === id && assessment.status !== 'archived')
              .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
            return <SystemDashboard system={system} runs={runs} />;
          }}
        </QueryState>
      )}
    </QueryState>
  );
}

function SystemDashboard({ system, runs }: { system: IotSystem; runs: readonly AssessmentSummary[] }) {
  const { t } = useTranslation();
  usePageTitle(t('systemDashboard.title', { name: system.name }));
  const localized = useLocalized();
  const tree = useFrameworkTree('jssec-v2');
  const scores = useQueries({
    queries: runs.map((run) => ({
      queryKey: assessmentKeys.scores(run.id),
      queryFn: () => getJson<ScoresResponse>(`/api/assessments/${encodeURIComponent(run.id)}/scores`),
    })),
  });
  const functionName = (code: string) => {
    const fn = tree.data?.functions.find((candidate) => candidate.code === code);
    return fn ? `${localized(fn.title)} (${code})` : code;
  };
  const ready = scores.every((query) => query.data);
  const scoreText = (group: GroupScore | undefined) =>
    group && group.answered === 0 ? t('dashboard.notAnswered') : percent(group?.score ?? null);
  const trend: ChartOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 48, right: 24, top: 16, bottom: 64 },
      // Each run names its status, so a draft is not read as a finished result.
      xAxis: { type: 'category', data: runs.map((run) => `${run.title}\n${t(`status.${run.status}`)}`) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'line',
          name: t('dashboard.overall'),
          data: scores.map((query) => toPercent(query.data?.overall)),
          lineStyle: { width: 3 },
          itemStyle: { color: OVERALL_COLOUR },
        },
        ...FUNCTION_CODES.map((code) => ({
          type: 'line' as const,
          name: functionName(code),
          data: scores.map((query) => toPercent(query.data?.functions[code])),
          itemStyle: { color: functionColour(code) },
        })),
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- recomputed when the scores or the language change
    [runs, ready, t, tree.data],
  );
  return (
    <div className="system-dashboard">
      <nav aria-label="breadcrumb" className="muted">
        <Link to="/assessments">{t('systemDashboard.back')}</Link>
      </nav>
      <h1>{t('systemDashboard.title', { name: system.name })}</h1>
      <p className="muted">
        {t(`criticality.${system.criticality}`)}
        {system.business ? ` · ${system.business}` : ''}
      </p>
      {runs.length === 0 ? (
        <p>{t('assessment.noAssessments')}</p>
      ) : (
        <>
          <section className="card" aria-labelledby="system-trend-heading">
            <h2 id="system-trend-heading">{t('systemDashboard.trend')}</h2>
            <Chart
              option={trend}
              label={t('systemDashboard.trend')}
              testId="system-trend-chart"
              className="chart chart-wide"
            />
          </section>
          <section className="card" aria-labelledby="system-runs-heading">
            <h2 id="system-runs-heading">{t('systemDashboard.runs')}</h2>
            <table className="data-table" data-testid="system-runs">
              <thead>
                <tr>
                  <th scope="col">{t('systemDashboard.assessment')}</th>
                  <th scope="col">{t('dashboard.overall')}</th>
                  {FUNCTION_CODES.map((code) => (
                    <th key={code} scope="col">
                      {functionName(code)}
                    </th>
                  ))}
                  <th scope="col">{t('dashboard.completion')}</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((run, index) => {
                  const data = scores[index]?.data;
                  return (
                    <tr key={run.id}>
                      <th scope="row">
                        <Link to={`/assessments/${run.id}/dashboard`}>{run.title}</Link>
                      </th>
                      <td>{scoreText(data?.overall)}</td>
                      {FUNCTION_CODES.map((code) => (
                        <td key={code}>{scoreText(data?.functions[code])}</td>
                      ))}
                      <td>{percent(data?.overall.completion ?? null)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        </>
      )}
      <SystemInventorySection system={system} />
    </div>
  );
}
