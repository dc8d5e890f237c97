import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions } from '../../api/permissions';
import { FormError } from '../../components/form-error';
import { ObservationTable } from './observation-table';
import { useDeviceProbeResults } from './probes-api';
import './probes.css';

/** The device page's "Probe results" tab: the latest observation per check and port, and a way to probe again. */
export function DeviceProbesTab({ deviceId }: { deviceId: string }) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const results = useDeviceProbeResults(deviceId);
  const observations = results.data?.observations ?? [];
  const newest = observations.reduce<(typeof observations)[number] | undefined>(
    (latest, observation) => (!latest || observation.observedAt > latest.observedAt ? observation : latest),
    undefined,
  );
  return (
    <section role="tabpanel" className="tab-panel" data-testid="device-probes">
      <div className="section-header">
        <p className="muted">{t('probes.device.lead')}</p>
        {can('probes.run') && (
          <Link
            to={`/inventory/probes/run?device=${encodeURIComponent(deviceId)}`}
            className="button-link"
            data-testid="device-probe-run"
          >
            {t('probes.device.run')}
          </Link>
        )}
      </div>
      <FormError error={results.error} />
      {results.isPending && <p role="status">{t('common.loading')}</p>}
      {results.data && observations.length === 0 && (
        <p className="muted" data-testid="device-probes-empty">
          {t('probes.device.empty')}
        </p>
      )}
      {observations.length > 0 && <ObservationTable observations={observations} showTime />}
      {newest && (
        <p>
          <Link to={`/inventory/probes/runs/${encodeURIComponent(newest.runId)}`} data-testid="device-probe-open-run">
            {t('probes.device.fromRun')}
          </Link>
        </p>
      )}
    </section>
  );
}
