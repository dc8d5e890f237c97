import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProbeRunDiffView } from '../../../contracts/probes';
import { FormError } from '../../components/form-error';
import { itemNumber } from './probe-vocabulary';
import { useRunDiff } from './probes-api';

/** What changed since the previous run of the same scope: targets, opened and closed ports, changed results. */
export function RunDiffTab({ runId }: { runId: string }) {
  const { t } = useTranslation();
  const diff = useRunDiff(runId, true);
  if (diff.isPending) return <p role="status">{t('common.loading')}</p>;
  if (diff.isError) return <FormError error={diff.error} />;
  const data = diff.data;
  if (!data.previousRunId)
    return (
      <p className="muted" data-testid="diff-none">
        {t('probes.diff.noPrevious')}
      </p>
    );
  const nothing = data.addedTargets.length + data.removedTargets.length + data.targets.length === 0;
  return (
    <div data-testid="probe-diff">
      <p>
        <Link to={`/inventory/probes/runs/${encodeURIComponent(data.previousRunId)}`}>{t('probes.diff.previous')}</Link>
      </p>
      {nothing && <p className="muted">{t('probes.diff.none')}</p>}
      <AddressList title={t('probes.diff.addedTargets')} addresses={data.addedTargets} />
      <AddressList title={t('probes.diff.removedTargets')} addresses={data.removedTargets} />
      {data.targets.map((target) => (
        <TargetChanges key={target.address} target={target} />
      ))}
    </div>
  );
}

function AddressList({ title, addresses }: { title: string; addresses: readonly string[] }) {
  if (addresses.length === 0) return null;
  return (
    <p>
      {title}: <code>{addresses.join(', ')}</code>
    </p>
  );
}

function TargetChanges({ target }: { target: ProbeRunDiffView['targets'][number] }) {
  const { t } = useTranslation();
  const result = (value: string | null) => (value ? t(`probes.results.${value}`) : t('probes.diff.absent'));
  return (
    <section className="diff-target" data-testid="diff-target" data-address={target.address}>
      <h3>
        <code>{target.address}</code>
      </h3>
      {target.openedPorts.length > 0 && (
        <p className="diff-opened" data-testid="diff-opened">
          {t('probes.diff.opened')}: <code>{target.openedPorts.join(', ')}</code>
        </p>
      )}
      {target.closedPorts.length > 0 && (
        <p className="diff-closed" data-testid="diff-closed">
          {t('probes.diff.closed')}: <code>{target.closedPorts.join(', ')}</code>
        </p>
      )}
      {target.changed.length > 0 && (
        <>
          <p>{t('probes.diff.changed')}</p>
          <ul>
            {target.changed.map((change) => (
              <li key={`${change.check}-${change.port ?? '-'}`} data-testid="diff-change">
                {t('probes.diff.change', {
                  check: t(`probes.checks.${change.check}`),
                  port: change.port ?? '—',
                  before: result(change.before),
                  after: result(change.after),
                })}{' '}
                {change.items.length > 0 && (
                  <span className="muted">
                    ({t('probes.targets.items')} {change.items.map(itemNumber).join(', ')})
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
