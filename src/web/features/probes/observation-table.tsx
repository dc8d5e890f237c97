import { useTranslation } from 'react-i18next';
import type { ProbeObservationView } from '../../../contracts/probes';
import { formatDateTime } from '../assessments/assessment-model';
import { useProbeReasonText } from './probe-reason-text';
import { itemNumber } from './probe-vocabulary';
import { ResultBadge } from './result-badge';

/**
 * Observations as rows: check, port, result badge, what was found (translated finding codes),
 * the reason, the items it supports, and what was sent and received behind a disclosure.
 */
export function ObservationTable({
  observations,
  showTime = false,
}: {
  observations: readonly ProbeObservationView[];
  showTime?: boolean;
}) {
  const { t } = useTranslation();
  const reasonText = useProbeReasonText();
  if (observations.length === 0) return <p className="muted">{t('probes.targets.noObservations')}</p>;
  return (
    <table className="data-table compact observation-table" data-testid="observation-table">
      <thead>
        <tr>
          <th scope="col">{t('probes.targets.check')}</th>
          <th scope="col" className="number">
            {t('probes.targets.port')}
          </th>
          <th scope="col">{t('probes.targets.result')}</th>
          <th scope="col">{t('probes.targets.reason')}</th>
          <th scope="col">{t('probes.targets.items')}</th>
          {showTime && <th scope="col">{t('probes.device.observedAt')}</th>}
        </tr>
      </thead>
      <tbody>
        {observations.map((observation) => (
          <tr
            key={observation.id}
            data-testid="observation"
            data-check={observation.check}
            data-port={observation.port ?? ''}
            data-result={observation.result}
          >
            <td className="nowrap">{t(`probes.checks.${observation.check}`)}</td>
            <td className="number">{observation.port ?? t('probes.targets.wholeTarget')}</td>
            <td>
              <ResultBadge result={observation.result} />
            </td>
            <td className="observation-what">
              {observation.findings.length > 0 && (
                <span className="observation-findings">
                  {observation.findings
                    .map((code) => t(`probes.findings.${code}`, { defaultValue: code }))
                    .join(t('probes.separator'))}
                </span>
              )}
              {observation.reason && (
                <span className="muted block" data-testid="observation-reason">
                  {reasonText(observation)}
                </span>
              )}
              {observation.detail && (
                <details className="observation-detail">
                  <summary>{t('probes.targets.detail')}</summary>
                  <pre>{observation.detail}</pre>
                </details>
              )}
            </td>
            <td className="nowrap">{observation.items.map(itemNumber).join(', ')}</td>
            {showTime && <td className="nowrap">{formatDateTime(observation.observedAt)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
