import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding, FindingInput } from '../../../contracts/assessment.schema';
import { assessmentApi, assessmentKeys, useFindings, type FindingStatus } from '../../api/assessment-queries';
import { FormError } from '../../components/form-error';
import { FINDING_STATUSES, PRIORITIES } from './assessment-model';

/** The item's findings (issues to fix) and a form to raise one. */
export function FindingsSection({
  assessmentId,
  itemId,
  editable,
}: {
  assessmentId: string;
  itemId: string;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const findings = useFindings(assessmentId);
  const [open, setOpen] = useState(false);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: assessmentKeys.findings(assessmentId) }),
      queryClient.invalidateQueries({ queryKey: assessmentKeys.detail(assessmentId) }),
      queryClient.invalidateQueries({ queryKey: assessmentKeys.gaps(assessmentId) }),
    ]);
  const create = useMutation({
    mutationFn: (input: FindingInput) => assessmentApi.createFinding(assessmentId, input),
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: (input: { finding: Finding; status: FindingStatus }) =>
      assessmentApi.updateFinding(input.finding.id, { version: input.finding.version, status: input.status }),
    onSettled: refresh,
  });
  const mine = (findings.data?.findings ?? []).filter((finding) => finding.itemId === itemId);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    create.mutate(
      {
        itemId,
        issue: text('issue'),
        impact: text('impact'),
        recommendation: text('recommendation'),
        priority: text('priority') as FindingInput['priority'],
        ownerName: text('ownerName'),
        ...(text('dueDate') ? { dueDate: text('dueDate') } : {}),
      },
      { onSuccess: () => (formElement.reset(), setOpen(false)) },
    );
  };

  return (
    <section aria-labelledby="findings-heading" className="drawer-section" data-testid="findings-section">
      <h3 id="findings-heading">
        {t('findings.title')} <span className="chip-count">{mine.length}</span>
      </h3>
      <FormError error={findings.error ?? update.error} />
      {mine.length === 0 ? (
        <p className="muted">{t('findings.empty')}</p>
      ) : (
        <ul className="finding-list" data-testid="finding-list">
          {mine.map((finding) => (
            <li key={finding.id} className={`finding priority-${finding.priority}`} data-testid="finding-entry">
              <p>
                <span className={`badge priority-${finding.priority}`}>
                  {t(`findings.priorities.${finding.priority}`)}
                </span>{' '}
                <strong>{finding.issue}</strong>
              </p>
              {finding.impact && (
                <p>
                  <span className="muted">{t('findings.impact')}:</span> {finding.impact}
                </p>
              )}
              {finding.recommendation && (
                <p>
                  <span className="muted">{t('findings.recommendation')}:</span> {finding.recommendation}
                </p>
              )}
              <p className="muted">
                {t('findings.owner')}: {finding.ownerName || '—'} · {t('findings.due')}: {finding.dueDate ?? '—'}
              </p>
              <label className="inline-label">
                {t('findings.status')}
                <select
                  value={finding.status}
                  disabled={!editable || update.isPending}
                  onChange={(event) => update.mutate({ finding, status: event.target.value as FindingStatus })}
                  data-testid="finding-status"
                >
                  {FINDING_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {t(`findings.statuses.${status}`)}
                    </option>
                  ))}
                </select>
              </label>
            </li>
          ))}
        </ul>
      )}
      {editable &&
        (open ? (
          <form onSubmit={submit} className="stacked-form" data-testid="finding-form">
            <label>
              {t('findings.issue')}
              <textarea name="issue" required maxLength={4000} rows={2} />
            </label>
            <label>
              {t('findings.impact')}
              <textarea name="impact" maxLength={4000} rows={2} />
            </label>
            <label>
              {t('findings.recommendation')}
              <textarea name="recommendation" maxLength={4000} rows={2} />
            </label>
            <div className="field-row">
              <label>
                {t('findings.priority')}
                <select name="priority" defaultValue="medium">
                  {PRIORITIES.map((priority) => (
                    <option key={priority} value={priority}>
                      {t(`findings.priorities.${priority}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('findings.owner')}
                <input name="ownerName" maxLength={200} />
              </label>
              <label>
                {t('findings.due')}
                <input name="dueDate" type="date" />
              </label>
            </div>
            <div className="actions">
              <button type="submit" disabled={create.isPending}>
                {t('findings.submit')}
              </button>
              <button type="button" onClick={() => setOpen(false)}>
                {t('assessment.cancel')}
              </button>
            </div>
            <FormError error={create.error} />
          </form>
        ) : (
          <button type="button" onClick={() => setOpen(true)} data-testid="finding-open">
            {t('findings.add')}
          </button>
        ))}
    </section>
  );
}
