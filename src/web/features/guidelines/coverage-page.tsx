import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { usePageTitle } from '../../components/use-page-title';
import type { FrameworkTreeResponse } from '../../../contracts/catalog.schema';
import type { CoverageResponse } from '../../../contracts/crosswalk.schema';
import { useAssessment } from '../../api/assessment-queries';
import { useFrameworkTree } from '../../api/catalog-queries';
import { useCoverage, useFrameworks } from '../../api/guideline-queries';
import { Chart, type ChartOption } from '../../components/chart';
import { QueryState } from '../../components/query-state';
import { useLocalized } from '../../i18n/use-localized';

const STATUSES = ['implemented', 'partial', 'not_implemented', 'not_applicable', 'unknown', 'not_covered'] as const;
type Status = (typeof STATUSES)[number];
const COLOURS: Readonly<Record<Status, string>> = {
  implemented: '#2e7d32',
  partial: '#f9a825',
  not_implemented: '#c62828',
  not_applicable: '#9e9e9e',
  unknown: '#5c6bc0',
  not_covered: '#d7ccc8',
};

/** "Coverage of other frameworks": what an assessment implies for the items of a chosen framework. */
export function CoveragePage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const frameworkId = params.get('framework') ?? '';
  const detail = useAssessment(id);
  const frameworks = useFrameworks();
  usePageTitle(t('coverage.title'));
  return (
    <QueryState query={detail}>
      {({ assessment }) => (
        <section className="coverage-page" data-testid="coverage-page">
          <nav aria-label="breadcrumb" className="muted">
            <Link to={`/assessments/${assessment.id}`}>{t('coverage.back')}</Link>
          </nav>
          <h1>{t('coverage.title')}</h1>
          <p className="muted">{t('coverage.lead', { title: assessment.title })}</p>
          <QueryState query={frameworks}>
            {(data) => (
              <label>
                {t('coverage.framework')}
                <select
                  value={frameworkId}
                  onChange={(event) =>
                    setParams(event.target.value ? { framework: event.target.value } : {}, { replace: true })
                  }
                  data-testid="coverage-framework"
                >
                  <option value="">{t('coverage.choose')}</option>
                  {data.frameworks
                    .filter((framework) => framework.id !== assessment.frameworkId)
                    .map((framework) => (
                      <option key={framework.id} value={framework.id}>
                        {localized(framework.title)}
                      </option>
                    ))}
                </select>
              </label>
            )}
          </QueryState>
          {frameworkId && <CoverageOf assessmentId={assessment.id} frameworkId={frameworkId} />}
          <p className="muted">{t('coverage.rules')}</p>
        </section>
      )}
    </QueryState>
  );
}

function CoverageOf({ assessmentId, frameworkId }: { assessmentId: string; frameworkId: string }) {
  const coverage = useCoverage(assessmentId, frameworkId);
  const tree = useFrameworkTree(frameworkId);
  return (
    <QueryState query={coverage}>
      {(coverageData) => (
        <QueryState query={tree}>{(treeData) => <CoverageTable coverage={coverageData} tree={treeData} />}</QueryState>
      )}
    </QueryState>
  );
}

interface TargetInfo {
  readonly title: { ja: string; en: string };
  readonly status?: string;
}

/** Code → title and status of every node of a framework tree. */
function targetInfo(tree: FrameworkTreeResponse): Map<string, TargetInfo> {
  const info = new Map<string, TargetInfo>();
  type Node = { code: string; title: { ja: string; en: string }; status?: string; children: readonly unknown[] };
  const visit = (node: Node) => {
    info.set(node.code, { title: node.title, ...(node.status ? { status: node.status } : {}) });
    (node.children as Node[]).forEach(visit);
  };
  (tree.functions as unknown as Node[]).forEach(visit);
  return info;
}

function CoverageTable({ coverage, tree }: { coverage: CoverageResponse; tree: FrameworkTreeResponse }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [open, setOpen] = useState<string | null>(null);
  const info = useMemo(() => targetInfo(tree), [tree]);
  const counts = useMemo(() => {
    const result = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>;
    for (const item of coverage.items) result[item.status] += 1;
    return result;
  }, [coverage]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          data: STATUSES.filter((status) => counts[status] > 0).map((status) => ({
            name: t(`coverage.statuses.${status}`),
            value: counts[status],
            itemStyle: { color: COLOURS[status] },
          })),
        },
      ],
    }),
    [counts, t],
  );
  return (
    <>
      <div className="coverage-summary">
        <Chart
          option={option}
          label={t('coverage.chartLabel', { framework: localized(tree.framework.title) })}
          testId="coverage-chart"
        />
        <dl className="coverage-counts" data-testid="coverage-counts">
          {STATUSES.map((status) => (
            <div key={status}>
              <dt>
                <span className="swatch" style={{ background: COLOURS[status] }} aria-hidden="true" />{' '}
                {t(`coverage.statuses.${status}`)}
              </dt>
              <dd data-testid={`coverage-count-${status}`}>{counts[status]}</dd>
            </div>
          ))}
        </dl>
      </div>
      <table className="data-table coverage-table" data-testid="coverage-table">
        <thead>
          <tr>
            <th scope="col">{t('coverage.item')}</th>
            <th scope="col">{t('guidelines.status')}</th>
            <th scope="col">{t('coverage.inferred')}</th>
            <th scope="col">{t('coverage.sources')}</th>
          </tr>
        </thead>
        <tbody>
          {coverage.items.map((item) => {
            const target = info.get(item.id);
            const isOpen = open === item.id;
            return (
              <Fragment key={item.id}>
                <tr data-testid="coverage-row" data-item={item.id}>
                  <td>
                    <strong>{item.id}</strong> {target ? localized(target.title) : ''}
                  </td>
                  <td>{target?.status ? t(`guidelines.itemStatuses.${target.status}`) : '—'}</td>
                  <td>
                    <span className={`coverage-status status-${item.status}`} data-testid="coverage-status">
                      {t(`coverage.statuses.${item.status}`)}
                    </span>
                  </td>
                  <td>
                    {item.sources.length > 0 || item.notCoveredReason ? (
                      <button
                        type="button"
                        aria-expanded={isOpen}
                        onClick={() => setOpen(isOpen ? null : item.id)}
                        data-testid="show-sources"
                      >
                        {isOpen ? t('coverage.hideSources') : t('coverage.showSources', { count: item.sources.length })}
                      </button>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
                {isOpen && (
                  <tr className="coverage-sources" data-testid="coverage-sources">
                    <td colSpan={4}>
                      {item.notCoveredReason && (
                        <p>
                          {t('guidelines.notCovered')}: {localized(item.notCoveredReason)}
                        </p>
                      )}
                      <ul className="link-list">
                        {item.sources.map((source) => (
                          <li key={`${source.item}-${source.relationship}`} data-testid="coverage-source">
                            <Link to={`/checksheet/items/${source.item}`}>
                              {t('guidelines.checksheetItem', { code: source.item })}
                            </Link>
                            {' — '}
                            {t(`results.${source.result}`)} · {t(`relationships.${source.relationship}`)}
                            {source.relationship === 'related' && (
                              <span className="muted"> ({t('coverage.relatedNote')})</span>
                            )}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
