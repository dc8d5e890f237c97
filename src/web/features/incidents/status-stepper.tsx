import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error';
import { formatDateTime } from '../assessments/assessment-model';
import { isReached, nextStatuses, type ForwardStatus } from './incident-model';
import { INCIDENT_STATUSES, STATUS_TIME_FIELDS, type IncidentDetail, type IncidentStatus } from './incident-types';
import { incidentApi, useIncidentMutation } from './incidents-api';

/** When the incident reached `status` (null when not yet, or when that step was skipped). */
function reachedAt(incident: IncidentDetail, status: IncidentStatus): string | null {
  return incident[STATUS_TIME_FIELDS[status]];
}

/**
 * The life cycle as steps with the time each was reached, and a control moving the incident
 * forward (skipping allowed, never back). Closing is the close dialog's job.
 */
export function StatusStepper({ incident, canManage }: { incident: IncidentDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const options = nextStatuses(incident.status);
  const [target, setTarget] = useState<ForwardStatus | ''>('');
  const [note, setNote] = useState('');
  const move = useIncidentMutation((status: ForwardStatus) =>
    incidentApi.changeStatus(incident.id, {
      status,
      expectedVersion: incident.version,
      ...(note.trim() ? { note: note.trim() } : {}),
    }),
  );
  const reopen = useIncidentMutation(() => incidentApi.reopen(incident.id, { expectedVersion: incident.version }));
  const chosen = target && options.includes(target) ? target : (options[0] ?? '');
  return (
    <section className="card incident-stepper" aria-label={t('incidents.stepper.label')}>
      <ol className="incident-steps" data-testid="status-stepper">
        {INCIDENT_STATUSES.map((status) => {
          const reached = isReached(status, incident.status);
          const at = reachedAt(incident, status);
          return (
            <li
              key={status}
              className={`incident-step${reached ? ' reached' : ''}${status === incident.status ? ' current' : ''}`}
              aria-current={status === incident.status ? 'step' : undefined}
              data-status={status}
            >
              <span className="step-name">{t(`incidents.statuses.${status}`)}</span>
              <span className="step-time">
                {at ? formatDateTime(at) : t(reached ? 'incidents.stepper.skipped' : 'incidents.stepper.notReached')}
              </span>
            </li>
          );
        })}
      </ol>
      {incident.status === 'closed' ? (
        <p className="muted">
          {t('incidents.stepper.closedNote')}{' '}
          {canManage && (
            <button
              type="button"
              className="link-button"
              disabled={reopen.isPending}
              onClick={() => window.confirm(t('incidents.stepper.confirmReopen')) && reopen.mutate()}
              data-testid="reopen"
            >
              {t('incidents.stepper.reopen')}
            </button>
          )}
        </p>
      ) : (
        canManage &&
        options.length > 0 && (
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (chosen) move.mutate(chosen, { onSuccess: () => (setNote(''), setTarget('')) });
            }}
          >
            <label>
              {t('incidents.stepper.moveTo')}
              <select
                value={chosen}
                onChange={(event) => setTarget(event.target.value as ForwardStatus)}
                data-testid="next-status"
              >
                {options.map((status) => (
                  <option key={status} value={status}>
                    {t(`incidents.statuses.${status}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="grow">
              {t('incidents.stepper.note')}
              <input value={note} maxLength={2000} onChange={(event) => setNote(event.target.value)} />
            </label>
            <button type="submit" disabled={move.isPending} data-testid="move-status">
              {t('incidents.stepper.move')}
            </button>
          </form>
        )
      )}
      <FormError error={move.error ?? reopen.error} />
    </section>
  );
}
