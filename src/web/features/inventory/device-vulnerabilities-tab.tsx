import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePermissions } from '../../api/permissions';
import { FormError } from '../../components/form-error';
import { DeviceFirmwareNotice } from '../vulnerabilities/device-firmware-notice';
import { DeviceSbomSection } from '../vulnerabilities/device-sbom-section';
import { MatchTable } from '../vulnerabilities/match-table';
import { useDeviceVulnerabilities } from '../vulnerabilities/vulnerability-api';

/** The tabs of the device page; each one after "details" shows only to members who may read it. */
export type DeviceTab = 'details' | 'vulnerabilities' | 'probes';

/** The device page's tabs: its details, its vulnerabilities and its probe results (each for members who may read them). */
export function useDeviceTab(): { tab: DeviceTab; bar: ReactNode } {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const [params, setParams] = useSearchParams();
  const tabs: DeviceTab[] = [
    'details',
    ...(can('vulnerabilities.read') ? (['vulnerabilities'] as const) : []),
    ...(can('probes.read') ? (['probes'] as const) : []),
  ];
  const tab = tabs.find((candidate) => candidate !== 'details' && candidate === params.get('tab')) ?? 'details';
  const bar =
    tabs.length > 1 ? (
      <div role="tablist" aria-label={t('vulnerabilities.device.tabs.label')} className="tab-bar">
        {tabs.map((candidate) => (
          <button
            key={candidate}
            type="button"
            role="tab"
            aria-selected={tab === candidate}
            className={tab === candidate ? 'tab active' : 'tab'}
            onClick={() => setParams(candidate === 'details' ? {} : { tab: candidate }, { replace: true })}
            data-testid={`device-tab-${candidate}`}
          >
            {candidate === 'probes' ? t('probes.device.tab') : t(`vulnerabilities.device.tabs.${candidate}`)}
          </button>
        ))}
      </div>
    ) : null;
  return { tab, bar };
}

/**
 * The matches of one device, with triage inline (for the device or its whole model); above them
 * its firmware against the latest known, below them the SBOMs that describe it.
 */
export function DeviceVulnerabilitiesTab({ deviceId }: { deviceId: string }) {
  const { t } = useTranslation();
  const matches = useDeviceVulnerabilities(deviceId);
  return (
    <section role="tabpanel" className="tab-panel" data-testid="device-vulnerabilities">
      <DeviceFirmwareNotice deviceId={deviceId} />
      <p className="muted">{t('vulnerabilities.device.lead')}</p>
      <FormError error={matches.error} />
      {matches.isPending && <p role="status">{t('common.loading')}</p>}
      {matches.data && matches.data.items.length === 0 && (
        <p className="muted" data-testid="device-vulnerabilities-empty">
          {t('vulnerabilities.device.empty')}
        </p>
      )}
      {matches.data && matches.data.items.length > 0 && <MatchTable rows={matches.data.items} view="device" />}
      <DeviceSbomSection deviceId={deviceId} />
    </section>
  );
}
