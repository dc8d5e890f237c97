import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-client';
import { FormError } from '../../components/form-error';
import { SEVERITIES, type IncidentDetail, type Severity } from './incident-types';
import { incidentApi, incidentKeys, useIncidentMutation } from './incidents-api';

/** Edits title, description and severity against the version read; a conflict reloads and says so. */
export function IncidentEditForm({ incident, onDone }: { incident: IncidentDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(incident.title);
  const [description, setDescription] = useState(incident.description);
  const [severity, setSeverity] = useState<Severity>(incident.severity);
  const save = useIncidentMutation(() =>
    incidentApi.update(incident.id, {
      title: title.trim(),
      description: description.trim(),
      severity,
      expectedVersion: incident.version,
    }),
  );
  const conflict = save.error instanceof ApiError && save.error.problem.status === 409;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined, {
      onSuccess: onDone,
      onError: () => void queryClient.invalidateQueries({ queryKey: incidentKeys.detail(incident.id) }),
    });
  };
  return (
    <form className="panel" onSubmit={submit}>
      <label className="field">
        {t('incidents.create.name')}
        <input required maxLength={200} value={title} onChange={(event) => setTitle(event.target.value)} />
      </label>
      <label className="field">
        {t('incidents.create.description')}
        <textarea rows={4} value={description} onChange={(event) => setDescription(event.target.value)} />
      </label>
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
      {conflict ? (
        <p role="alert" className="form-error">
          {t('incidents.detail.conflict')}
        </p>
      ) : (
        <FormError error={save.error} />
      )}
      <div className="form-buttons">
        <button type="submit" disabled={save.isPending}>
          {t('incidents.detail.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('incidents.detail.cancel')}
        </button>
      </div>
    </form>
  );
}
