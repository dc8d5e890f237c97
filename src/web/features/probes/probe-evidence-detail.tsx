import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProbeEvidenceView } from '../../../contracts/probes';
import './probes.css';

/**
 * The probe part of a machine-evidence line (items 23–26, 32, 47): pass/fail/inconclusive counts
 * over the system's devices, the failing devices with what failed, and the run it came from.
 */
export function ProbeEvidenceDetail({ probe }: { probe: ProbeEvidenceView }) {
  const { t } = useTranslation();
  return (
    <span className="probe-evidence" data-testid="probe-evidence" data-fail={probe.fail}>
      <span className="block">
        {t('probes.evidence.counts', {
          fail: probe.fail,
          pass: probe.pass,
          inconclusive: probe.inconclusive,
          devices: probe.devices,
        })}
      </span>
      {probe.failing.length > 0 && (
        <ul className="probe-evidence-failing">
          {probe.failing.map((failure) => (
            <li
              key={`${failure.deviceId}-${failure.check}-${failure.port ?? '-'}`}
              data-testid="probe-evidence-failing"
            >
              <Link to={`/inventory/devices/${encodeURIComponent(failure.deviceId)}?tab=probes`}>
                {failure.assetTag}
              </Link>
              {': '}
              {t(`probes.findings.${failure.finding}`, { defaultValue: failure.finding })}
              {failure.port !== null && (
                <span className="muted">
                  {' '}
                  ({t('probes.targets.port')} {failure.port})
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <Link to={`/inventory/probes/runs/${encodeURIComponent(probe.runId)}`}>{t('probes.evidence.openRun')}</Link>
    </span>
  );
}
