import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProbeScopeView } from '../../../contracts/probes';
import { usePermissions } from '../../api/permissions';
import { FormError } from '../../components/form-error';
import { QueryState } from '../../components/query-state';
import { usePageTitle } from '../../components/use-page-title';
import { formatDateTime } from '../assessments/assessment-model';
import { useArchiveScope, useScopes } from './probes-api';
import { RunList } from './run-list';
import './probes.css';

/** The probes hub under the inventory: the declared scopes (admins manage them) and the latest runs. */
export function ProbesPage() {
  const { t } = useTranslation();
  usePageTitle(t('probes.title'));
  const permissions = usePermissions();
  const [archived, setArchived] = useState(false);
  const scopes = useScopes(archived);
  const archive = useArchiveScope();
  if (permissions.isLoading) return null;
  if (!permissions.can('probes.read')) return <p role="alert">{t('errors.FORBIDDEN')}</p>;
  const canManage = permissions.can('probes.manage');
  const canRun = permissions.can('probes.run');
  return (
    <div className="probes-page">
      <p>
        <Link to="/inventory">← {t('probes.backToInventory')}</Link>
      </p>
      <div className="page-header">
        <h1>{t('probes.title')}</h1>
        <div className="actions">
          {canRun && (
            <Link to="/inventory/probes/run" className="button-link" data-testid="new-probe-run">
              {t('probes.runForm.title')}
            </Link>
          )}
          {canManage && (
            <Link to="/inventory/probes/scopes/new" className="button-link" data-testid="new-scope">
              {t('probes.scopes.create')}
            </Link>
          )}
        </div>
      </div>
      <p className="muted">{t('probes.lead')}</p>

      <section aria-labelledby="scopes-heading" className="probe-section">
        <div className="section-header">
          <h2 id="scopes-heading">{t('probes.scopes.title')}</h2>
          <label className="checkbox">
            <input type="checkbox" checked={archived} onChange={(event) => setArchived(event.target.checked)} />
            {t('probes.scopes.showArchived')}
          </label>
        </div>
        <FormError error={archive.error} />
        <QueryState query={scopes}>
          {({ scopes: list }) =>
            list.length === 0 ? (
              <p className="muted" data-testid="scopes-empty">
                {canManage ? t('probes.scopes.emptyAdmin') : t('probes.scopes.empty')}
              </p>
            ) : (
              <table className="data-table" data-testid="scope-list">
                <thead>
                  <tr>
                    <th scope="col">{t('probes.scopes.columns.name')}</th>
                    <th scope="col">{t('probes.scopes.columns.targets')}</th>
                    <th scope="col">{t('probes.scopes.columns.rate')}</th>
                    <th scope="col">{t('probes.scopes.columns.vantage')}</th>
                    <th scope="col">{t('probes.scopes.columns.credentials')}</th>
                    <th scope="col">{t('probes.scopes.columns.updatedAt')}</th>
                    <th scope="col">{t('probes.scopes.columns.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((scope) => (
                    <ScopeRow
                      key={scope.id}
                      scope={scope}
                      canManage={canManage}
                      canRun={canRun}
                      onArchive={() => {
                        if (window.confirm(t('probes.scopes.archiveConfirm', { name: scope.name })))
                          archive.mutate(scope);
                      }}
                    />
                  ))}
                </tbody>
              </table>
            )
          }
        </QueryState>
      </section>

      <section aria-labelledby="runs-heading" className="probe-section">
        <h2 id="runs-heading">{t('probes.runs.title')}</h2>
        <RunList />
      </section>
    </div>
  );
}

function ScopeRow({
  scope,
  canManage,
  canRun,
  onArchive,
}: {
  scope: ProbeScopeView;
  canManage: boolean;
  canRun: boolean;
  onArchive: () => void;
}) {
  const { t } = useTranslation();
  const shown = scope.entries.slice(0, 3).map((entry) => entry.text);
  return (
    <tr data-testid="scope-row" data-name={scope.name}>
      <td>
        {scope.name}
        {scope.archived && <span className="badge">{t('probes.scopes.archived')}</span>}
      </td>
      <td>
        <code>{shown.join(', ')}</code>
        {scope.entries.length > shown.length && (
          <span className="muted">
            {' '}
            {t('probes.runForm.plan.more', { count: scope.entries.length - shown.length })}
          </span>
        )}
        <span className="muted block">{t('probes.scopes.targetCount', { count: scope.entries.length })}</span>
      </td>
      <td className="nowrap">{t('probes.scopes.rateValue', { rate: scope.rate, concurrency: scope.concurrency })}</td>
      <td>{t(`probes.scopeForm.vantages.${scope.vantage}`)}</td>
      <td>
        {scope.allowCredentials ? (
          <span className="badge probe-intrusive">{t('probes.scopes.credentialsOn')}</span>
        ) : (
          t('probes.scopes.credentialsOff')
        )}
      </td>
      <td className="nowrap">{formatDateTime(scope.updatedAt)}</td>
      <td className="row-actions">
        {canRun && !scope.archived && (
          <Link to={`/inventory/probes/run?scope=${encodeURIComponent(scope.id)}`} data-testid="scope-run">
            {t('probes.scopes.run')}
          </Link>
        )}
        {canManage && !scope.archived && (
          <>
            <Link to={`/inventory/probes/scopes/${encodeURIComponent(scope.id)}`} data-testid="scope-edit">
              {t('probes.scopes.edit')}
            </Link>
            <button type="button" className="link-button" onClick={onArchive} data-testid="scope-archive">
              {t('probes.scopes.archive')}
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
