import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../../core/inventory/device.types';
import { getJson } from '../../api/api-client';

/** The device facts shown while picking (and kept for the selected list). */
export type PickedDevice = Pick<Device, 'id' | 'assetTag' | 'name' | 'manufacturer' | 'model'>;

/**
 * Picks devices from the inventory: a search box over the device list (narrowed to the chosen
 * systems when there are any), results with an add button, and the chosen devices with remove.
 */
export function DevicePicker({
  systemIds,
  selected,
  onChange,
}: {
  systemIds: readonly string[];
  selected: readonly PickedDevice[];
  onChange: (devices: PickedDevice[]) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const params = new URLSearchParams({ limit: '50' });
  if (q) params.set('q', q);
  for (const id of systemIds) params.append('systemId', id);
  const found = useQuery({
    queryKey: ['inventory', 'devices', 'picker', params.toString()],
    queryFn: ({ signal }) => getJson<{ devices: Device[] }>(`/api/inventory/devices?${params}`, signal),
    placeholderData: (previous) => previous,
  });
  const chosen = new Set(selected.map((device) => device.id));
  const describe = (device: PickedDevice) =>
    `${device.assetTag} ${device.name} (${[device.manufacturer, device.model].filter(Boolean).join(' ')})`;
  return (
    <fieldset className="device-picker" data-testid="device-picker">
      <legend>{t('incidents.create.devices')}</legend>
      <label>
        {t('incidents.create.deviceSearch')}
        <input
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          data-testid="device-search"
        />
      </label>
      <ul className="picker-results" aria-live="polite">
        {found.data?.devices.length === 0 && <li className="muted">{t('incidents.create.noDevices')}</li>}
        {found.data?.devices
          .filter((device) => !chosen.has(device.id))
          .slice(0, 8)
          .map((device) => (
            <li key={device.id}>
              <span>{describe(device)}</span>
              <button
                type="button"
                className="link-button"
                onClick={() => onChange([...selected, device])}
                data-testid="pick-device"
                aria-label={`${t('incidents.create.add')}: ${device.assetTag}`}
              >
                {t('incidents.create.add')}
              </button>
            </li>
          ))}
      </ul>
      <p className="muted">{t('incidents.create.selected', { count: selected.length })}</p>
      {selected.length > 0 && (
        <ul className="picked-devices" data-testid="picked-devices">
          {selected.map((device) => (
            <li key={device.id} className="chip">
              {describe(device)}
              <button
                type="button"
                className="link-button"
                onClick={() => onChange(selected.filter((other) => other.id !== device.id))}
                aria-label={`${t('incidents.create.remove')}: ${device.assetTag}`}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
