import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error';
import { formatDateTime } from '../assessments/assessment-model';
import { formatMinutes } from './incident-model';
import type { DrillStep } from './incident-types';
import { incidentApi, useIncidentMutation } from './incidents-api';

/** Minutes between a step's start and end (null while it runs or has not started). */
export function stepMinutes(step: Pick<DrillStep, 'startedAt' | 'endedAt'>): number | null {
  if (!step.startedAt || !step.endedAt) return null;
  return (Date.parse(step.endedAt) - Date.parse(step.startedAt)) / 60_000;
}

/** A drill's playbook steps: start each, then mark it done or failed with a note; durations follow. */
export function DrillStepsPanel({
  incidentId,
  steps,
  canManage,
}: {
  incidentId: string;
  steps: readonly DrillStep[];
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const units = t('incidents.units', { returnObjects: true }) as { minutes: string; hours: string; days: string };
  const [notes, setNotes] = useState<Record<number, string>>({});
  const record = useIncidentMutation((input: { index: number; outcome: 'started' | 'done' | 'failed' }) => {
    const note = notes[input.index]?.trim();
    return incidentApi.recordStep(incidentId, input.index, { outcome: input.outcome, ...(note ? { note } : {}) });
  });
  return (
    <section className="card" aria-labelledby="drill-heading" data-testid="drill-steps">
      <h2 id="drill-heading">{t('incidents.drill.title')}</h2>
      <p className="muted">{t('incidents.drill.lead')}</p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('incidents.playbooks.stepTitle')}</th>
            <th scope="col">{t('incidents.playbooks.stepOwner')}</th>
            <th scope="col">{t('incidents.columns.status')}</th>
            <th scope="col">{t('incidents.drill.note')}</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((step) => {
            const took = step.minutes ?? stepMinutes(step);
            return (
              <tr key={step.index} data-testid="drill-step" data-outcome={step.outcome ?? ''}>
                <td className="number-cell">{step.index + 1}</td>
                <td>
                  {step.title}
                  {step.expectedMinutes !== null && (
                    <div className="muted">
                      {t('incidents.drill.expected', { minutes: formatMinutes(step.expectedMinutes, units) })}
                    </div>
                  )}
                </td>
                <td>{step.ownerName ?? <span className="muted">{t('incidents.playbooks.unassigned')}</span>}</td>
                <td>
                  {step.outcome ? (
                    <span className={`badge outcome-${step.outcome}`}>{t(`incidents.drill.${step.outcome}`)}</span>
                  ) : step.startedAt ? (
                    <span className="badge">{t('incidents.drill.running')}</span>
                  ) : (
                    <span className="muted">{t('incidents.drill.notStarted')}</span>
                  )}
                  {step.startedAt && <div className="muted">{formatDateTime(step.startedAt)}</div>}
                  {took !== null && <div>{t('incidents.drill.took', { duration: formatMinutes(took, units) })}</div>}
                  {step.note && <div className="muted">{step.note}</div>}
                </td>
                <td>
                  {canManage && !step.outcome && (
                    <div className="drill-actions">
                      {step.startedAt && (
                        <input
                          aria-label={t('incidents.drill.note')}
                          value={notes[step.index] ?? ''}
                          maxLength={2000}
                          onChange={(event) => setNotes({ ...notes, [step.index]: event.target.value })}
                        />
                      )}
                      {!step.startedAt ? (
                        <button
                          type="button"
                          disabled={record.isPending}
                          onClick={() => record.mutate({ index: step.index, outcome: 'started' })}
                          data-testid="drill-start"
                        >
                          {t('incidents.drill.start')}
                        </button>
                      ) : (
                        <>
                          <button
                            type="button"
                            disabled={record.isPending}
                            onClick={() => record.mutate({ index: step.index, outcome: 'done' })}
                            data-testid="drill-done"
                          >
                            {t('incidents.drill.done')}
                          </button>
                          <button
                            type="button"
                            className="danger"
                            disabled={record.isPending}
                            onClick={() => record.mutate({ index: step.index, outcome: 'failed' })}
                            data-testid="drill-failed"
                          >
                            {t('incidents.drill.failed')}
                          </button>
                        </>
                      )}
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <FormError error={record.error} />
    </section>
  );
}
