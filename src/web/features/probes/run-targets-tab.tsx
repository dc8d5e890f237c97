import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProbeTargetView } from '../../../contracts/probes';
import { FormError } from '../../components/form-error';
import { ObservationTable } from './observation-table';
import { useRunObservations, useRunTargets } from './probes-api';

const PAGE = 50;

/** The targets of a run, a page at a time; a row opens to show that target's observations. */
export function RunTargetsTab({ runId }: { runId: string }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const targets = useRunTargets(runId, offset, PAGE, true);
  if (targets.isPending) return <p role="status">{t('common.loading')}</p>;
  if (targets.isError) return <FormError error={targets.error} />;
  const { total } = targets.data;
  return (
    <>
      <table className="data-table probe-targets" data-testid="probe-targets">
        <thead>
          <tr>
            <th scope="col">{t('probes.targets.address')}</th>
            <th scope="col">{t('probes.targets.device')}</th>
            <th scope="col">{t('probes.targets.openPorts')}</th>
            <th scope="col" className="number">
              {t('probes.results.fail')}
            </th>
            <th scope="col" className="number">
              {t('probes.results.inconclusive')}
            </th>
            <th scope="col" className="number">
              {t('probes.results.pass')}
            </th>
          </tr>
        </thead>
        <tbody>
          {targets.data.targets.map((target) => (
            <Fragment key={target.address}>
              <TargetRow
                target={target}
                open={open === target.address}
                onToggle={() => setOpen(open === target.address ? null : target.address)}
              />
              {open === target.address && (
                <tr className="target-observations">
                  <td colSpan={6}>
                    <TargetObservations runId={runId} address={target.address} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      {total > PAGE && (
        <p className="pager">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            ←
          </button>{' '}
          {offset + 1}–{Math.min(offset + PAGE, total)} / {total}{' '}
          <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
            →
          </button>
        </p>
      )}
    </>
  );
}

function TargetRow({ target, open, onToggle }: { target: ProbeTargetView; open: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  return (
    <tr data-testid="probe-target" data-address={target.address} className={target.fail > 0 ? 'has-fail' : undefined}>
      <td className="nowrap">
        <button
          type="button"
          className="link-button disclosure"
          aria-expanded={open}
          onClick={onToggle}
          data-testid="probe-target-toggle"
        >
          {open ? '▾' : '▸'} <code>{target.address}</code>
        </button>
        {target.hostname && <span className="muted"> {target.hostname}</span>}
      </td>
      <td>
        {target.deviceId ? (
          <Link to={`/inventory/devices/${encodeURIComponent(target.deviceId)}?tab=probes`}>
            {target.assetTag ?? target.deviceId}
          </Link>
        ) : (
          '—'
        )}
      </td>
      <td data-testid="probe-target-ports">
        {target.openPorts.length > 0 ? <code>{target.openPorts.join(', ')}</code> : t('probes.targets.noOpenPorts')}
      </td>
      <td className="number">{target.fail}</td>
      <td className="number">{target.inconclusive}</td>
      <td className="number">{target.pass}</td>
    </tr>
  );
}

function TargetObservations({ runId, address }: { runId: string; address: string }) {
  const { t } = useTranslation();
  const observations = useRunObservations(runId, { address, limit: 500 });
  if (observations.isPending) return <p role="status">{t('common.loading')}</p>;
  if (observations.isError) return <FormError error={observations.error} />;
  return <ObservationTable observations={observations.data.observations} />;
}
