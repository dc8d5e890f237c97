import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../../core/inventory/device.types';
import { getJson } from '../../api/api-client';

/** What the probe screens need of a device: who it is and where it can be reached. */
export type ProbeDevice = Pick<Device, 'id' | 'assetTag' | 'name' | 'ipAddresses'>;

/**
 * Finds inventory devices by a search (asset tag, name, IP…) and offers each one that has an IP
 * address; devices without one are shown but cannot be added (there is nothing to contact).
 */
export function ProbeDevicePicker({
  exclude,
  onAdd,
  label,
}: {
  exclude: readonly number[];
  onAdd: (device: ProbeDevice) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const params = new URLSearchParams({ limit: '20' });
  if (q) params.set('q', q);
  const found = useQuery({
    queryKey: ['inventory', 'devices', 'probe-picker', params.toString()],
    queryFn: ({ signal }) => getJson<{ devices: Device[] }>(`/api/inventory/devices?${params.toString()}`, signal),
    placeholderData: (previous) => previous,
  });
  const skip = new Set(exclude);
  const devices = found.data?.devices.filter((device) => !skip.has(device.id)).slice(0, 8) ?? [];
  return (
    <div className="probe-device-picker" data-testid="probe-device-picker">
      <label className="field">
        {label}
        <input
          type="search"
          value={search}
          placeholder={t('probes.scopeForm.devicesSearch')}
          onChange={(event) => setSearch(event.target.value)}
          data-testid="probe-device-search"
        />
      </label>
      <ul className="picker-results" aria-live="polite">
        {devices.map((device) => (
          <li key={device.id} data-testid="probe-device-option">
            <span>
              <span className="code">{device.assetTag}</span> {device.name}{' '}
              <span className="muted">
                {device.ipAddresses.length > 0 ? device.ipAddresses.join(', ') : t('probes.scopeForm.deviceNoAddress')}
              </span>
            </span>
            <button
              type="button"
              className="link-button"
              disabled={device.ipAddresses.length === 0}
              onClick={() => onAdd(device)}
            >
              {t('probes.scopeForm.addDevice')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
