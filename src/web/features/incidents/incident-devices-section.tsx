import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormError } from '../../components/form-error';
import { DevicePicker, type PickedDevice } from './device-picker';
import type { IncidentDetail } from './incident-types';
import { incidentApi, useIncidentMutation } from './incidents-api';

/** The affected devices with the facts a vendor needs, and a picker adding more. */
export function IncidentDevicesSection({ incident, canManage }: { incident: IncidentDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState<PickedDevice[] | null>(null);
  const add = useIncidentMutation((ids: number[]) => incidentApi.addDevices(incident.id, ids));
  const known = new Set(incident.devices.map((device) => device.id));
  return (
    <section className="card" aria-labelledby="incident-devices-heading">
      <h2 id="incident-devices-heading">{t('incidents.devices.title')}</h2>
      {incident.devices.length === 0 ? (
        <p className="muted">{t('incidents.devices.empty')}</p>
      ) : (
        <table className="data-table" data-testid="incident-devices">
          <thead>
            <tr>
              <th scope="col">{t('incidents.devices.assetTag')}</th>
              <th scope="col">{t('incidents.devices.name')}</th>
              <th scope="col">{t('incidents.devices.manufacturer')}</th>
              <th scope="col">{t('incidents.devices.model')}</th>
              <th scope="col">{t('incidents.devices.firmware')}</th>
              <th scope="col">{t('incidents.devices.serial')}</th>
            </tr>
          </thead>
          <tbody>
            {incident.devices.map((device) => (
              <tr key={device.id}>
                <td className="nowrap">
                  <Link to={`/inventory/devices/${device.id}`}>{device.assetTag}</Link>
                </td>
                <td>{device.name}</td>
                <td>{device.manufacturer}</td>
                <td>{device.model}</td>
                <td>{device.firmwareVersion}</td>
                <td>{device.serialNumber}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManage && incident.status !== 'closed' && adding === null && (
        <button type="button" className="link-button" onClick={() => setAdding([])}>
          {t('incidents.devices.add')}
        </button>
      )}
      {adding !== null && (
        <div className="edit-panel">
          <DevicePicker
            systemIds={incident.systemIds}
            selected={adding}
            onChange={(devices) => setAdding(devices.filter((device) => !known.has(device.id)))}
          />
          <FormError error={add.error} />
          <div className="form-buttons">
            <button
              type="button"
              disabled={adding.length === 0 || add.isPending}
              onClick={() =>
                add.mutate(
                  adding.map((device) => device.id),
                  { onSuccess: () => setAdding(null) },
                )
              }
            >
              {t('incidents.create.add')}
            </button>
            <button type="button" onClick={() => setAdding(null)}>
              {t('incidents.create.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
