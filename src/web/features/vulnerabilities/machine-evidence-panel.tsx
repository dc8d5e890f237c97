import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MachineEvidenceEntryView } from '../../../contracts/vulnerabilities/machine-evidence.schema';
import { usePermissions } from '../../api/permissions';
import { FormError } from '../../components/form-error';
import { formatDateTime } from '../assessments/assessment-model';
import { ProbeEvidenceDetail } from '../probes/probe-evidence-detail';
import { useMachineEvidence } from './vulnerability-api';

/**
 * For the checksheet items about life cycle, vulnerabilities and device probes (23–26, 32, 36, 39,
 * 40, 47): facts from the assessed system's devices — support and end-of-life dates, firmware
 * behind the latest known version, open and KEV matches, probe results with the failing devices —
 * each with its source and when it was observed. Looks like the
 * inventory facts beside it; renders nothing for other items or for members who cannot read them.
 */
export function MachineEvidencePanel({ assessmentId, itemId }: { assessmentId: string; itemId: string }) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const evidence = useMachineEvidence(assessmentId, can('vulnerabilities.read'));
  const entries = evidence.data?.items[itemId] ?? [];
  if (entries.length === 0) return evidence.error ? <FormError error={evidence.error} /> : null;
  return (
    <section aria-labelledby="machine-evidence-heading" className="drawer-section" data-testid="machine-evidence">
      <h3 id="machine-evidence-heading">{t('vulnerabilities.evidence.title')}</h3>
      <ul className="inventory-facts machine-evidence">
        {entries.map((entry) => (
          <EvidenceLine key={entry.key} entry={entry} />
        ))}
      </ul>
    </section>
  );
}

function EvidenceLine({ entry }: { entry: MachineEvidenceEntryView }) {
  const { t } = useTranslation();
  const advisories = entry.advisories ?? [];
  return (
    <li
      className={entry.concern ? 'fact concern' : 'fact'}
      data-testid="machine-evidence-entry"
      data-key={entry.key}
      data-count={entry.count}
    >
      <span>
        {t(`vulnerabilities.evidence.keys.${entry.key}`, {
          count: entry.count,
          total: entry.total,
          defaultValue: `${entry.key}: ${entry.count} / ${entry.total}`,
        })}
        {advisories.length > 0 && (
          <span className="evidence-advisories">
            {t('vulnerabilities.evidence.advisories', { ids: advisories.join(', ') })}{' '}
            <Link to="/vulnerabilities?status=in_triage">→</Link>
          </span>
        )}
        {entry.probe && <ProbeEvidenceDetail probe={entry.probe} />}
      </span>
      <span className="evidence-source muted">
        {t(`vulnerabilities.evidence.sources.${entry.source}`)} ·{' '}
        {entry.observedAt
          ? t('vulnerabilities.evidence.observed', { when: formatDateTime(entry.observedAt) })
          : t('vulnerabilities.evidence.notYet')}
      </span>
    </li>
  );
}
