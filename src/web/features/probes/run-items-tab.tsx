import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormError } from '../../components/form-error';
import { itemNumber, PROBE_ITEMS, type ProbeItem } from './probe-vocabulary';
import { useRunObservations } from './probes-api';

/** Per checksheet item (23, 24, 25, 26, 32, 47): how many observations passed, failed or were inconclusive, and who failed. */
export function RunItemsTab({ runId }: { runId: string }) {
  const { t } = useTranslation();
  return (
    <table className="data-table probe-items" data-testid="probe-items">
      <thead>
        <tr>
          <th scope="col">{t('probes.items.item')}</th>
          <th scope="col" className="number">
            {t('probes.items.fail')}
          </th>
          <th scope="col" className="number">
            {t('probes.items.inconclusive')}
          </th>
          <th scope="col" className="number">
            {t('probes.items.pass')}
          </th>
          <th scope="col">{t('probes.items.failingDevices')}</th>
        </tr>
      </thead>
      <tbody>
        {PROBE_ITEMS.map((item) => (
          <ItemRow key={item} runId={runId} item={item} />
        ))}
      </tbody>
    </table>
  );
}

const FAILING_SHOWN = 50;

/** One item: three counts (the totals of filtered pages) and the failing targets of the first page. */
function ItemRow({ runId, item }: { runId: string; item: ProbeItem }) {
  const { t } = useTranslation();
  const fail = useRunObservations(runId, { item, result: 'fail', limit: FAILING_SHOWN });
  const inconclusive = useRunObservations(runId, { item, result: 'inconclusive', limit: 1 });
  const pass = useRunObservations(runId, { item, result: 'pass', limit: 1 });
  const failing = new Map<string, { deviceId: string | null; label: string }>();
  for (const observation of fail.data?.observations ?? []) {
    if (!failing.has(observation.address)) {
      failing.set(observation.address, {
        deviceId: observation.deviceId,
        label: observation.assetTag ? `${observation.assetTag} (${observation.address})` : observation.address,
      });
    }
  }
  const count = (query: typeof fail) => (query.data ? query.data.total : '…');
  return (
    <tr data-testid="probe-item" data-item={item} data-fail={fail.data?.total ?? ''}>
      <th scope="row">
        {itemNumber(item)} {t(`probes.items.titles.${itemNumber(item)}`)}
      </th>
      <td className="number">{count(fail)}</td>
      <td className="number">{count(inconclusive)}</td>
      <td className="number">{count(pass)}</td>
      <td>
        <FormError error={fail.error ?? inconclusive.error ?? pass.error} />
        {failing.size === 0
          ? fail.data && <span className="muted">{t('probes.items.none')}</span>
          : [...failing].map(([address, target], index) => (
              <span key={address}>
                {index > 0 && t('probes.separator')}
                {target.deviceId ? (
                  <Link to={`/inventory/devices/${encodeURIComponent(target.deviceId)}?tab=probes`}>
                    {target.label}
                  </Link>
                ) : (
                  <code>{target.label}</code>
                )}
              </span>
            ))}
        {fail.data && fail.data.total > FAILING_SHOWN && (
          <span className="muted"> {t('probes.runForm.plan.more', { count: fail.data.total - FAILING_SHOWN })}</span>
        )}
      </td>
    </tr>
  );
}
