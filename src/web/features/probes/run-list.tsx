import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../components/query-state';
import { formatDateTime } from '../assessments/assessment-model';
import { useRuns } from './probes-api';
import { RunStatusBadge } from './run-status-badge';

/** The latest probe runs (of one scope when given), newest first, each linking to its results. */
export function RunList({ scopeId = '' }: { scopeId?: string }) {
  const { t } = useTranslation();
  const runs = useRuns(scopeId);
  return (
    <QueryState query={runs}>
      {({ runs: list }) =>
        list.length === 0 ? (
          <p className="muted">{t('probes.runs.empty')}</p>
        ) : (
          <table className="data-table" data-testid="run-list">
            <thead>
              <tr>
                <th scope="col">{t('probes.runs.columns.startedAt')}</th>
                <th scope="col">{t('probes.runs.columns.scope')}</th>
                <th scope="col">{t('probes.runs.columns.status')}</th>
                <th scope="col" className="number">
                  {t('probes.runs.columns.targets')}
                </th>
                <th scope="col" className="number">
                  {t('probes.runs.columns.fails')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((run) => (
                <tr key={run.id} data-testid="run-row">
                  <td className="nowrap">
                    <Link to={`/inventory/probes/runs/${encodeURIComponent(run.id)}`}>
                      {formatDateTime(run.startedAt ?? run.createdAt)}
                    </Link>
                  </td>
                  <td>{run.scopeName}</td>
                  <td>
                    <RunStatusBadge status={run.status} cancelled={run.cancelled} />
                  </td>
                  <td className="number">{run.counts?.targets ?? '—'}</td>
                  <td className="number">{run.counts?.fail ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
    </QueryState>
  );
}
