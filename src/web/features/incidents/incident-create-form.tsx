import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSystems } from '../../api/assessment-queries';
import { FormError } from '../../components/form-error';
import { DevicePicker, type PickedDevice } from './device-picker';
import { localDateTimeNow, toIsoInstant } from './incident-model';
import { SEVERITIES, type Severity } from './incident-types';
import { incidentApi, useIncidentMutation } from './incidents-api';

/** Opens an incident: title, what happened, severity, when, and the systems and devices it touches. */
export function IncidentCreateForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const systems = useSystems();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [severity, setSeverity] = useState<Severity>('medium');
  const [detectedAt, setDetectedAt] = useState(localDateTimeNow());
  const [occurredAt, setOccurredAt] = useState('');
  const [systemIds, setSystemIds] = useState<string[]>([]);
  const [devices, setDevices] = useState<PickedDevice[]>([]);
  const create = useIncidentMutation(incidentApi.create);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const occurred = toIsoInstant(occurredAt);
    create.mutate(
      {
        title: title.trim(),
        description: description.trim(),
        severity,
        detectedAt: toIsoInstant(detectedAt) ?? new Date().toISOString(),
        ...(occurred ? { occurredAt: occurred } : {}),
        systemIds,
        deviceIds: devices.map((device) => device.id),
      },
      { onSuccess: (incident) => void navigate(`/incidents/${encodeURIComponent(incident.id)}`) },
    );
  };
  const toggleSystem = (id: string) =>
    setSystemIds((current) => (current.includes(id) ? current.filter((other) => other !== id) : [...current, id]));

  return (
    <form
      className="panel incident-form"
      onSubmit={submit}
      aria-labelledby="incident-create-heading"
      data-testid="incident-form"
    >
      <h2 id="incident-create-heading">{t('incidents.create.title')}</h2>
      <div className="incident-form-grid">
        <div>
          <label className="field">
            {t('incidents.create.name')}
            <input required maxLength={200} value={title} onChange={(event) => setTitle(event.target.value)} />
          </label>
          <label className="field">
            {t('incidents.create.description')}
            <textarea rows={4} value={description} onChange={(event) => setDescription(event.target.value)} />
          </label>
          <div className="inline-fields">
            <label className="field">
              {t('incidents.create.severity')}
              <select value={severity} onChange={(event) => setSeverity(event.target.value as Severity)}>
                {SEVERITIES.map((value) => (
                  <option key={value} value={value}>
                    {t(`incidents.severities.${value}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              {t('incidents.create.detectedAt')}
              <input
                type="datetime-local"
                required
                value={detectedAt}
                onChange={(event) => setDetectedAt(event.target.value)}
              />
            </label>
            <label className="field">
              {t('incidents.create.occurredAt')}
              <input type="datetime-local" value={occurredAt} onChange={(event) => setOccurredAt(event.target.value)} />
            </label>
          </div>
          <fieldset className="system-choices">
            <legend>{t('incidents.create.systems')}</legend>
            {systems.data?.systems.map((system) => (
              <label key={system.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={systemIds.includes(system.id)}
                  onChange={() => toggleSystem(system.id)}
                />
                {system.name}
              </label>
            ))}
          </fieldset>
        </div>
        <DevicePicker systemIds={systemIds} selected={devices} onChange={setDevices} />
      </div>
      <FormError error={create.error} />
      <div className="form-buttons">
        <button type="submit" disabled={create.isPending} data-testid="create-incident">
          {t('incidents.create.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('incidents.create.cancel')}
        </button>
      </div>
    </form>
  );
}
