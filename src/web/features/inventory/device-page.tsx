import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Device } from '../../../core/inventory/device.types';
import { ApiError } from '../../api/api-client';
import { useMemberNames, useSystems } from '../../api/assessment-queries';
import { inventoryApi, useDevice, useInventoryMutation } from '../../api/inventory-queries';
import { usePermissions } from '../../api/permissions';
import { FormError } from '../../components/form-error';
import { usePageTitle } from '../../components/use-page-title';
import { formatDateTime } from '../assessments/assessment-model';
import { FIELD_GROUPS, formatFieldValue } from './device-fields';
import { DeviceEditForm } from './device-edit-form';
import { DeviceHistory } from './device-history';
import { DeviceProbesTab } from '../probes/device-probes-tab';
import { DeviceVulnerabilitiesTab, useDeviceTab } from './device-vulnerabilities-tab';

/** One device: its fields in groups, its systems, an edit form and its history. */
export function DevicePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const permissions = usePermissions();
  const device = useDevice(id);
  const { tab, bar } = useDeviceTab();
  usePageTitle(device.data ? `${device.data.assetTag} ${device.data.name}` : t('inventory.title'));

  if (permissions.isLoading) return null;
  if (!permissions.can('inventory.read')) return <p role="alert">{t('errors.FORBIDDEN')}</p>;
  return (
    <div className="device-page">
      <p>
        <Link to="/inventory">← {t('inventory.device.back')}</Link>
      </p>
      {device.isPending && <p role="status">{t('common.loading')}</p>}
      {device.isError &&
        (device.error instanceof ApiError && device.error.problem.status === 404 ? (
          <p role="alert">{t('inventory.device.notFound')}</p>
        ) : (
          <FormError error={device.error} />
        ))}
      {device.data && <DeviceDetails device={device.data} tabs={bar} otherTab={tab !== 'details'} />}
      {device.data && tab === 'vulnerabilities' && <DeviceVulnerabilitiesTab deviceId={id} />}
      {device.data && tab === 'probes' && <DeviceProbesTab deviceId={id} />}
      {device.data && tab === 'details' && <DeviceHistory deviceId={id} />}
    </div>
  );
}

function DeviceDetails({
  device,
  tabs,
  otherTab,
}: {
  device: Device;
  tabs: ReactNode;
  /** Another tab than the details is open: the fields and the edit form give way to it. */
  otherTab: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const permissions = usePermissions();
  const [editing, setEditing] = useState(false);
  const people = useMemberNames(permissions.can('assessments.read'));
  const nameOf = (userId: string | null) =>
    people.data?.people.find((person) => person.userId === userId)?.displayName ?? t('inventory.history.unknownUser');
  const remove = useInventoryMutation(() => inventoryApi.deleteDevice(device.id, device.version));
  return (
    <>
      <div className="page-header">
        <h1 data-testid="device-title">
          <span className="code">{device.assetTag}</span> {device.name}
        </h1>
        {!editing && (
          <div className="actions">
            {permissions.can('inventory.manage') && (
              <button type="button" onClick={() => setEditing(true)} data-testid="edit-device">
                {t('inventory.device.edit')}
              </button>
            )}
            {permissions.can('inventory.delete') && (
              <button
                type="button"
                className="danger"
                onClick={() => {
                  if (window.confirm(t('inventory.device.deleteConfirm', { name: device.name || device.assetTag })))
                    remove.mutate(undefined, { onSuccess: () => void navigate('/inventory') });
                }}
              >
                {t('inventory.device.delete')}
              </button>
            )}
          </div>
        )}
      </div>
      <p className="muted">
        {t('inventory.device.updatedBy', {
          when: formatDateTime(device.updatedAt),
          who: nameOf(device.updatedBy),
          version: device.version,
        })}
      </p>
      <FormError error={remove.error} />
      {tabs}
      {otherTab ? null : editing ? (
        <DeviceEditForm device={device} nameOf={nameOf} onDone={() => setEditing(false)} />
      ) : (
        <DeviceFieldGroups device={device} />
      )}
    </>
  );
}

function DeviceFieldGroups({ device }: { device: Device }) {
  const { t } = useTranslation();
  const systems = useSystems();
  const systemName = (id: string) => systems.data?.systems.find((system) => system.id === id)?.name ?? id;
  const custom = Object.entries(device.customFields);
  return (
    <div className="device-groups" data-testid="device-fields">
      {FIELD_GROUPS.map((group) => (
        <section key={group.key} className="device-section" aria-labelledby={`group-${group.key}`}>
          <h2 id={`group-${group.key}`}>{t(`inventory.device.groups.${group.key}`)}</h2>
          <dl className="field-list">
            {group.fields.map((field) => (
              <div key={field} data-testid={`field-${field}`}>
                <dt>{t(`inventory.fields.${field}`)}</dt>
                <dd>{formatFieldValue(t, field, device[field])}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <section className="device-section" aria-labelledby="group-cpes">
        <h2 id="group-cpes">{t('inventory.device.groups.cpes')}</h2>
        {device.cpes.length === 0 ? (
          <p className="muted">{t('inventory.device.noCpes')}</p>
        ) : (
          <ul className="cpe-list">
            {device.cpes.map((cpe) => (
              <li key={cpe}>
                <code>{cpe}</code>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="device-section" aria-labelledby="group-custom">
        <h2 id="group-custom">{t('inventory.device.groups.custom')}</h2>
        {custom.length === 0 ? (
          <p className="muted">{t('inventory.device.noCustom')}</p>
        ) : (
          <dl className="field-list">
            {custom.map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{formatFieldValue(t, name, value)}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      <section className="device-section" aria-labelledby="group-systems">
        <h2 id="group-systems">{t('inventory.device.systems')}</h2>
        {device.systemIds.length === 0 ? (
          <p className="muted">{t('inventory.device.noSystems')}</p>
        ) : (
          <ul data-testid="device-systems">
            {device.systemIds.map((systemId) => (
              <li key={systemId}>
                <Link to={`/systems/${systemId}`}>{systemName(systemId)}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
