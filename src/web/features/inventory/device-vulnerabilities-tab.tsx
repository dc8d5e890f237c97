import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePermissions } from '../../api/permissions';
import { FormError } from '../../components/form-error';
import { MatchTable } from '../vulnerabilities/match-table';
import { useDeviceVulnerabilities } from '../vulnerabilities/vulnerability-api';

/** The device page's tabs: its details, and (for members who may read them) its vulnerabilities. */
export function useDeviceTab(): { tab: 'details' | 'vulnerabilities'; bar: ReactNode } {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const [params, setParams] = useSearchParams();
  const allowed = can('vulnerabilities.read');
  const tab = allowed && params.get('tab') === 'vulnerabilities' ? 'vulnerabilities' : 'details';
  const bar = allowed ? (
    <div role="tablist" aria-label={t('vulnerabilities.device.tabs.label')} className="tab-bar">
      {(['details', 'vulnerabilities'] as const).map((candidate) => (
        <button
          key={candidate}
          type="button"
          role="tab"
          aria-selected={tab === candidate}
          className={tab === candidate ? 'tab active' : 'tab'}
          onClick={() => setParams(candidate === 'details' ? {} : { tab: candidate }, { replace: true })}
          data-testid={`device-tab-${candidate}`}
        >
          {t(`vulnerabilities.device.tabs.${candidate}`)}
        </button>
      ))}
    </div>
  ) : null;
  return { tab, bar };
}

/** The matches of one device, with triage inline (for the device or its whole model). */
export function DeviceVulnerabilitiesTab({ deviceId }: { deviceId: string }) {
  const { t } = useTranslation();
  const matches = useDeviceVulnerabilities(deviceId);
  return (
    <section role="tabpanel" className="tab-panel" data-testid="device-vulnerabilities">
      <p className="muted">{t('vulnerabilities.device.lead')}</p>
      <FormError error={matches.error} />
      {matches.isPending && <p role="status">{t('common.loading')}</p>}
      {matches.data && matches.data.items.length === 0 && (
        <p className="muted" data-testid="device-vulnerabilities-empty">
          {t('vulnerabilities.device.empty')}
        </p>
      )}
      {matches.data && matches.data.items.length > 0 && <MatchTable rows={matches.data.items} view="device" />}
    </section>
  );
}
