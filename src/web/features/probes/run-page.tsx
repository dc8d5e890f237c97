import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ProbeRunView } from '../../../contracts/probes';
import { ApiError } from '../../api/api-client';
import { useMemberNames } from '../../api/assessment-queries';
import { usePermissions } from '../../api/permissions';
import { FormError } from '../../components/form-error';
import { usePageTitle } from '../../components/use-page-title';
import { formatDateTime } from '../assessments/assessment-model';
import { useCancelRun, useRun } from './probes-api';
import { RunDiffTab } from './run-diff-tab';
import { RunItemsTab } from './run-items-tab';
import { RunStatusBadge } from './run-status-badge';
import { RunTargetsTab } from './run-targets-tab';
import './probes.css';

const TABS = ['targets', 'items', 'diff'] as const;
type RunTab = (typeof TABS)[number];

/** One probe run (`/inventory/probes/runs/:id`): live progress and cancel, then its results three ways. */
export function RunPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  usePageTitle(t('probes.runPage.title'));
  const permissions = usePermissions();
  const run = useRun(id);
  if (permissions.isLoading) return null;
  if (!permissions.can('probes.read')) return <p role="alert">{t('errors.FORBIDDEN')}</p>;
  return (
    <div className="probes-page">
      <p>
        <Link to="/inventory/probes">← {t('probes.backToProbes')}</Link>
      </p>
      {run.isPending && <p role="status">{t('common.loading')}</p>}
      {run.isError &&
        (run.error instanceof ApiError && run.error.problem.status === 404 ? (
          <p role="alert">{t('probes.runPage.notFound')}</p>
        ) : (
          <FormError error={run.error} />
        ))}
      {run.data && <RunView run={run.data} live={run.isLive} />}
    </div>
  );
}

function RunView({ run, live }: { run: ProbeRunView; live: boolean }) {
  const { t } = useTranslation();
  const permissions = usePermissions();
  const people = useMemberNames(permissions.can('assessments.read'));
  const who = people.data?.people.find((person) => person.userId === run.requestedBy)?.displayName;
  const cancel = useCancelRun(run);
  const [tab, setTab] = useState<RunTab>('targets');
  const ended = !live;
  const canCancel = live && (run.requestedByMe || permissions.can('probes.manage'));
  return (
    <>
      <div className="page-header">
        <h1>
          {t('probes.runPage.title')} <RunStatusBadge status={run.status} cancelled={run.cancelled} />
        </h1>
        <div className="actions">
          {canCancel && (
            <button
              type="button"
              className="danger"
              disabled={cancel.isPending}
              onClick={() => {
                if (window.confirm(t('probes.runPage.cancelConfirm'))) cancel.mutate();
              }}
              data-testid="run-cancel"
            >
              {t('probes.runPage.cancel')}
            </button>
          )}
          {ended && permissions.can('probes.run') && (
            <Link
              to={`/inventory/probes/run?scope=${encodeURIComponent(run.scopeId)}`}
              className="button-link"
              data-testid="run-again"
            >
              {t('probes.runPage.rerun')}
            </Link>
          )}
        </div>
      </div>
      <p className="muted">
        {t('probes.runPage.scope', { name: run.scopeName })} ·{' '}
        {who
          ? t('probes.runPage.startedBy', { who, when: formatDateTime(run.startedAt ?? run.createdAt) })
          : t('probes.runPage.startedAt', { when: formatDateTime(run.startedAt ?? run.createdAt) })}
        {run.intrusive && <span className="badge probe-intrusive">{t('probes.checks.default-credentials')}</span>}
      </p>
      <FormError error={cancel.error} />
      {live && (
        <p className="probe-progress" data-testid="run-progress" data-progress={run.progress}>
          <progress max={1} value={run.progress} aria-label={t(`probes.status.${run.status}`)} />{' '}
          {t('probes.runPage.progress', { percent: Math.round(run.progress * 100) })}
        </p>
      )}
      {run.cancelled && (
        <p className="notice" data-testid="run-cancelled">
          {t('probes.runPage.cancelled')}
        </p>
      )}
      {run.status === 'failed' && (
        <p className="notice probe-refused" role="alert">
          {t('probes.runPage.failed', { message: run.error?.message ?? '' })}
        </p>
      )}
      {run.counts && (
        <p data-testid="run-summary">
          {t('probes.runPage.summary', {
            targets: run.counts.targets,
            ports: run.counts.openPorts,
            fails: run.counts.fail,
          })}
        </p>
      )}
      {ended && (
        <>
          <div role="tablist" aria-label={t('probes.runPage.tabs.label')} className="tab-bar">
            {TABS.map((candidate) => (
              <button
                key={candidate}
                type="button"
                role="tab"
                aria-selected={tab === candidate}
                className={tab === candidate ? 'tab active' : 'tab'}
                onClick={() => setTab(candidate)}
                data-testid={`run-tab-${candidate}`}
              >
                {t(`probes.runPage.tabs.${candidate}`)}
              </button>
            ))}
          </div>
          <section role="tabpanel" className="tab-panel">
            {tab === 'targets' && <RunTargetsTab runId={run.id} />}
            {tab === 'items' && <RunItemsTab runId={run.id} />}
            {tab === 'diff' && <RunDiffTab runId={run.id} />}
          </section>
        </>
      )}
    </>
  );
}
