import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type {
  AssessmentDetail,
  Finding,
  GapList,
  ScoresResponse,
  SnapshotList,
} from '../../../contracts/assessment.schema';
import type { FrameworkTreeResponse } from '../../../contracts/catalog.schema';
import { useAssessment, useFindings, useGaps, useScores, useSnapshots } from '../../api/assessment-queries';
import { useFrameworkTree } from '../../api/catalog-queries';
import { Chart, type ChartOption } from '../../components/chart';
import {
  COMPLETION_COLOUR,
  FINDING_COLOURS,
  functionColour,
  OVERALL_COLOUR,
  SCORE_COLOUR,
} from '../../components/palette';
import { QueryState } from '../../components/query-state';
import { useLocalized } from '../../i18n/use-localized';
import { flattenItems, itemLabel } from '../checksheet/checksheet-types';
import { FINDING_STATUSES, formatDateTime, percent } from './assessment-model';
import { usePageTitle } from '../../components/use-page-title';

const TOP_GAPS = 10;
/** Each answer result and the count of it in a group score. */
const BREAKDOWN = [
  ['implemented', 'implemented'],
  ['partial', 'partial'],
  ['not_implemented', 'notImplemented'],
  ['not_applicable', 'notApplicable'],
  ['unanswered', 'unanswered'],
] as const;

const toPercent = (value: number | null | undefined) =>
  value === null || value === undefined ? 0 : Math.round(value * 1000) / 10;

type GroupScore = ScoresResponse['overall'];
/** A group's score for a chart: none (a gap, not 0 %) while nothing in it is answered. */
const scorePoint = (group: GroupScore | undefined) => (!group || group.answered === 0 ? null : toPercent(group.score));
/** A group's score for a table: "not answered" while nothing in it is answered, never 0 %. */
const scoreText = (group: GroupScore | undefined, notAnswered: string) =>
  !group || group.answered === 0 ? notAnswered : percent(group.score);

/** Management view of an assessment: scores by function and category, trend, gaps and findings. */
export function DashboardPage() {
  const { id = '' } = useParams();
  const detail = useAssessment(id);
  return <QueryState query={detail}>{(data) => <DashboardTree detail={data} />}</QueryState>;
}

function DashboardTree({ detail }: { detail: AssessmentDetail }) {
  const tree = useFrameworkTree(detail.assessment.frameworkId);
  const scores = useScores(detail.assessment.id);
  return (
    <QueryState query={tree}>
      {(treeData) => (
        <QueryState query={scores}>
          {(scoreData) => <Dashboard detail={detail} tree={treeData} scores={scoreData} />}
        </QueryState>
      )}
    </QueryState>
  );
}

function Dashboard({
  detail,
  tree,
  scores,
}: {
  detail: AssessmentDetail;
  tree: FrameworkTreeResponse;
  scores: ScoresResponse;
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { assessment, system } = detail;
  usePageTitle(t('dashboard.title', { title: assessment.title }));
  const snapshots = useSnapshots(assessment.id);
  const gaps = useGaps(assessment.id);
  const findings = useFindings(assessment.id);
  const functions = tree.functions;
  const categories = useMemo(
    () => functions.flatMap((fn) => fn.children.map((category) => ({ fn, category }))),
    [functions],
  );
  const overall = scores.overall;
  // The server flags overdue answers (one definition, in core); the answer list's filter counts the same flag.
  const overdueCount = detail.answers.filter((answer) => answer.overdue).length;

  const radar: ChartOption = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, data: [t('dashboard.score'), t('dashboard.completion')] },
      radar: {
        indicator: functions.map((fn) => ({ name: `${localized(fn.title)} (${fn.code})`, max: 100 })),
        radius: '62%',
        clockwise: true,
        axisName: { color: '#1b2430', fontSize: 13 },
        splitNumber: 4,
      },
      series: [
        {
          type: 'radar',
          data: [
            {
              name: t('dashboard.score'),
              value: functions.map((fn) => scorePoint(scores.functions[fn.code]) ?? 0),
              areaStyle: { opacity: 0.25 },
              itemStyle: { color: SCORE_COLOUR },
            },
            {
              name: t('dashboard.completion'),
              value: functions.map((fn) => toPercent(scores.functions[fn.code]?.completion)),
              lineStyle: { type: 'dashed' },
              itemStyle: { color: COMPLETION_COLOUR },
            },
          ],
        },
      ],
    }),
    [functions, scores, localized, t],
  );

  const bars: ChartOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value) => `${String(value)}%` },
      grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: categories.map(({ category }) => `${localized(category.title)} (${category.code})`),
        axisLabel: { fontSize: 12 },
      },
      series: [
        {
          type: 'bar',
          name: t('dashboard.score'),
          data: categories.map(({ fn, category }) => ({
            value: scorePoint(scores.categories[category.code]),
            itemStyle: { color: functionColour(fn.code) },
          })),
          label: { show: true, position: 'right', formatter: '{c}%' },
          barMaxWidth: 16,
        },
      ],
    }),
    [categories, scores, localized, t],
  );

  return (
    <div className="dashboard" data-testid="dashboard">
      <nav aria-label={t('assessment.breadcrumb')} className="muted">
        <Link to="/assessments">{t('assessment.backToList')}</Link> · {system.name} ·{' '}
        <Link to={`/assessments/${assessment.id}`}>{assessment.title}</Link>
      </nav>
      <header className="page-header">
        <h1>{t('dashboard.title', { title: assessment.title })}</h1>
        <span className="row-actions">
          <Link to={`/assessments/${assessment.id}/reports`} className="button-link" data-testid="dashboard-reports">
            {t('reports.action')}
          </Link>
          <Link to={`/assessments/${assessment.id}`} className="button-link">
            {t('dashboard.backToAnswers')}
          </Link>
        </span>
      </header>

      <section className="kpis" aria-label={t('dashboard.summary')} data-testid="dashboard-summary">
        <div className="kpi">
          <span className="kpi-label">{t('dashboard.overallScore')}</span>
          <span className="kpi-value" data-testid="overall-score">
            {scoreText(overall, t('dashboard.notAnswered'))}
          </span>
          <span className="muted">{t('dashboard.level', { level: overall.level })}</span>
        </div>
        <div className="kpi">
          <span className="kpi-label">{t('dashboard.completion')}</span>
          <span className="kpi-value" data-testid="overall-completion">
            {percent(overall.completion)}
          </span>
          <meter min={0} max={1} value={overall.completion} aria-label={t('dashboard.completion')} />
          <span className="muted">
            {t('dashboard.answeredOf', { answered: overall.answered, items: overall.items })}
          </span>
        </div>
        <div className="kpi">
          <span className="kpi-label">{t('dashboard.overdue')}</span>
          <span className="kpi-value" data-testid="overdue-count">
            {overdueCount}
          </span>
          <Link to={`/assessments/${assessment.id}`} className="muted">
            {t('dashboard.overdueLead')}
          </Link>
        </div>
        <div className="kpi">
          <span className="kpi-label">{t('dashboard.breakdown')}</span>
          <ul className="breakdown">
            {BREAKDOWN.map(([result, field]) => (
              <li key={result}>
                {t(`results.${result}`)}: {overall[field]}
              </li>
            ))}
          </ul>
        </div>
      </section>

      <div className="dashboard-grid">
        <section className="card" aria-labelledby="radar-heading">
          <h2 id="radar-heading">{t('dashboard.functions')}</h2>
          <Chart option={radar} label={t('dashboard.radarLabel')} testId="radar-chart" className="chart chart-radar" />
          <table className="data-table compact" data-testid="function-scores">
            <caption className="visually-hidden">{t('dashboard.functions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.function')}</th>
                <th scope="col">{t('dashboard.score')}</th>
                <th scope="col">{t('dashboard.levelShort')}</th>
                <th scope="col">{t('dashboard.completion')}</th>
              </tr>
            </thead>
            <tbody>
              {functions.map((fn) => {
                const score = scores.functions[fn.code];
                return (
                  <tr key={fn.code} data-testid={`function-score-${fn.code}`} data-score={toPercent(score?.score)}>
                    <th scope="row">
                      <span className={`swatch fn-${fn.code}`} aria-hidden="true" /> {localized(fn.title)} ({fn.code})
                    </th>
                    <td className="number-cell">{scoreText(score, t('dashboard.notAnswered'))}</td>
                    <td className="number-cell">{score?.level ?? 0}</td>
                    <td className="number-cell">{percent(score?.completion)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>

        <FindingsCard findings={findings.data?.findings} error={findings.error} />

        <section className="card wide" aria-labelledby="categories-heading">
          <h2 id="categories-heading">{t('dashboard.categories')}</h2>
          <Chart option={bars} label={t('dashboard.barsLabel')} testId="category-chart" className="chart chart-bars" />
          <details>
            <summary>{t('dashboard.showTable')}</summary>
            <table className="data-table compact" data-testid="category-scores">
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.category')}</th>
                  <th scope="col">{t('dashboard.score')}</th>
                  <th scope="col">{t('dashboard.completion')}</th>
                  <th scope="col">{t('dashboard.items')}</th>
                </tr>
              </thead>
              <tbody>
                {categories.map(({ category }) => {
                  const score = scores.categories[category.code];
                  return (
                    <tr
                      key={category.code}
                      data-testid={`category-score-${category.code}`}
                      data-score={toPercent(score?.score)}
                    >
                      <th scope="row">
                        {localized(category.title)} ({category.code})
                      </th>
                      <td className="number-cell">{scoreText(score, t('dashboard.notAnswered'))}</td>
                      <td className="number-cell">{percent(score?.completion)}</td>
                      <td className="number-cell">
                        {score?.answered ?? 0}/{score?.items ?? 0}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </details>
        </section>

        <TrendCard snapshots={snapshots.data} current={scores} functions={functions} error={snapshots.error} />
        <GapsCard gaps={gaps.data} tree={tree} assessmentId={assessment.id} error={gaps.error} />
      </div>
    </div>
  );
}

function FindingsCard({ findings, error }: { findings: readonly Finding[] | undefined; error: unknown }) {
  const { t } = useTranslation();
  const counts = useMemo(
    () =>
      FINDING_STATUSES.map((status) => ({
        status,
        count: findings?.filter((finding) => finding.status === status).length ?? 0,
      })),
    [findings],
  );
  const option: ChartOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: counts.map(({ status }) => t(`findings.statuses.${status}`)),
        axisLabel: { interval: 0 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('findings.title'),
          data: counts.map(({ status, count }) => ({ value: count, itemStyle: { color: FINDING_COLOURS[status] } })),
          label: { show: true, position: 'top' },
          barMaxWidth: 40,
        },
      ],
    }),
    [counts, t],
  );
  return (
    <section className="card" aria-labelledby="findings-card-heading">
      <h2 id="findings-card-heading">{t('dashboard.findings')}</h2>
      {error ? (
        <p role="alert">{t('common.error', { message: error instanceof Error ? error.message : String(error) })}</p>
      ) : null}
      <Chart
        option={option}
        label={t('dashboard.findingsLabel')}
        testId="findings-chart"
        className="chart chart-small"
      />
      <ul className="legend-list" data-testid="findings-by-status">
        {counts.map(({ status, count }) => (
          <li key={status} data-testid={`findings-${status}`} data-count={count}>
            <span className={`swatch finding-${status}`} aria-hidden="true" /> {t(`findings.statuses.${status}`)}:{' '}
            {count}
          </li>
        ))}
      </ul>
    </section>
  );
}

function TrendCard({
  snapshots,
  current,
  functions,
  error,
}: {
  snapshots: SnapshotList | undefined;
  current: ScoresResponse;
  functions: FrameworkTreeResponse['functions'];
  error: unknown;
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const points = useMemo(
    () => [
      ...[...(snapshots?.snapshots ?? [])]
        .sort((a, b) => a.takenAt.localeCompare(b.takenAt))
        .map((snapshot) => ({
          label: formatDateTime(snapshot.takenAt).slice(5),
          status: snapshot.status,
          scores: snapshot.scores,
        })),
      { label: t('dashboard.now'), status: undefined, scores: current },
    ],
    [snapshots, current, t],
  );
  const option: ChartOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (value) => `${String(value)}%` },
      legend: { bottom: 0 },
      grid: { left: 8, right: 24, top: 16, bottom: 40, containLabel: true },
      // Each point names the status the assessment had then (a snapshot is taken at every status change).
      xAxis: {
        type: 'category',
        data: points.map((point) => (point.status ? `${point.label}\n${t(`status.${point.status}`)}` : point.label)),
        boundaryGap: false,
      },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'line',
          name: t('dashboard.overall'),
          data: points.map((point) => scorePoint(point.scores.overall)),
          lineStyle: { width: 3 },
          itemStyle: { color: OVERALL_COLOUR },
        },
        ...functions.map((fn) => ({
          type: 'line' as const,
          name: `${localized(fn.title)} (${fn.code})`,
          data: points.map((point) => scorePoint(point.scores.functions[fn.code])),
          itemStyle: { color: functionColour(fn.code) },
        })),
      ],
    }),
    [points, functions, localized, t],
  );
  return (
    <section className="card wide" aria-labelledby="trend-heading">
      <h2 id="trend-heading">{t('dashboard.trend')}</h2>
      {error ? (
        <p role="alert">{t('common.error', { message: error instanceof Error ? error.message : String(error) })}</p>
      ) : null}
      {points.length < 2 && <p className="muted">{t('dashboard.trendEmpty')}</p>}
      <Chart option={option} label={t('dashboard.trendLabel')} testId="trend-chart" className="chart chart-trend" />
      <details>
        <summary>{t('dashboard.showTable')}</summary>
        <table className="data-table compact" data-testid="trend-table">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.when')}</th>
              <th scope="col">{t('dashboard.overall')}</th>
              {functions.map((fn) => (
                <th key={fn.code} scope="col">
                  {fn.code}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((point, index) => (
              <tr key={`${point.label}-${index}`}>
                <th scope="row">
                  {point.label}
                  {point.status && <span className="muted"> ({t(`status.${point.status}`)})</span>}
                </th>
                <td className="number-cell">{scoreText(point.scores.overall, t('dashboard.notAnswered'))}</td>
                {functions.map((fn) => (
                  <td key={fn.code} className="number-cell">
                    {scoreText(point.scores.functions[fn.code], t('dashboard.notAnswered'))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

function GapsCard({
  gaps,
  tree,
  assessmentId,
  error,
}: {
  gaps: GapList | undefined;
  tree: FrameworkTreeResponse;
  assessmentId: string;
  error: unknown;
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [showAll, setShowAll] = useState(false);
  const items = useMemo(
    () => new Map(flattenItems(tree.functions).map((entry, order) => [entry.item.id, { ...entry, order }])),
    [tree.functions],
  );
  // Ties broken meaningfully: rank, then the item's own weight, then sheet order (function order, item number).
  const ranked = [...(gaps?.gaps ?? [])].sort(
    (a, b) =>
      b.rank - a.rank ||
      b.weight - a.weight ||
      (items.get(a.itemId)?.order ?? Infinity) - (items.get(b.itemId)?.order ?? Infinity),
  );
  const top = showAll ? ranked : ranked.slice(0, TOP_GAPS);
  return (
    <section className="card wide" aria-labelledby="gaps-heading">
      <h2 id="gaps-heading">{t('dashboard.gaps')}</h2>
      <p className="muted">{t('dashboard.gapsLead')}</p>
      {error ? (
        <p role="alert">{t('common.error', { message: error instanceof Error ? error.message : String(error) })}</p>
      ) : null}
      {gaps && top.length === 0 ? (
        <p>{t('dashboard.gapsEmpty')}</p>
      ) : (
        <table className="data-table compact" data-testid="top-gaps">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('assessment.columns.number')}</th>
              <th scope="col">{t('assessment.columns.item')}</th>
              <th scope="col">{t('assessment.columns.result')}</th>
              <th scope="col">{t('dashboard.rank')}</th>
              <th scope="col">{t('dashboard.openFindings')}</th>
            </tr>
          </thead>
          <tbody>
            {top.map((gap, index) => {
              const entry = items.get(gap.itemId);
              return (
                <tr key={gap.itemId} data-testid="gap-row">
                  <td className="number-cell">{index + 1}</td>
                  <td>
                    <span className="item-number">{entry ? itemLabel(entry.item.code) : gap.itemId}</span>
                  </td>
                  <td>
                    <Link to={`/assessments/${assessmentId}?item=${encodeURIComponent(gap.itemId)}`}>
                      {entry ? localized(entry.item.title) : gap.itemId}
                    </Link>
                    {gap.overdue && <span className="badge overdue-badge">{t('assessment.overdue')}</span>}
                  </td>
                  <td>
                    <span className={`result-badge result-${gap.result}`}>{t(`results.${gap.result}`)}</span>
                  </td>
                  <td className="number-cell">{gap.rank.toFixed(1)}</td>
                  <td className="number-cell">{gap.openFindings.length}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {ranked.length > TOP_GAPS && (
        <button type="button" className="small" onClick={() => setShowAll((all) => !all)} data-testid="gaps-show-all">
          {showAll
            ? t('dashboard.gapsShowTop', { count: TOP_GAPS })
            : t('dashboard.gapsShowAll', { count: ranked.length })}
        </button>
      )}
    </section>
  );
}
