import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../contracts/problem.schema';
import type { TriageView } from '../../../contracts/vulnerabilities/parts.schema';
import { ApiError } from '../../api/api-client';
import { FieldError } from '../../components/field-error';
import { FormError } from '../../components/form-error';
import { formatDateTime } from '../assessments/assessment-model';
import { draftOf, triageRequest, validateTriage, type TriageDraft, type TriageTarget } from './triage-draft';
import { useTriage, vulnerabilityKeys } from './vulnerability-api';
import { JUSTIFICATION_LIST, TRIAGE_STATUS_LIST } from './vulnerability-vocabulary';

/** Something a decision can apply to, with the decision recorded for it now (if any). */
export interface TriageChoice {
  readonly key: string;
  readonly label: string;
  readonly target: TriageTarget;
  /** The decision recorded for exactly this target, its version sent back as expectedVersion. */
  readonly current: { readonly draft: TriageDraft; readonly version: number } | null;
}

/** The stored triage a 409 problem carries, if the server sent it. */
function conflictCurrent(error: unknown): TriageView | undefined {
  if (!(error instanceof ApiError) || error.problem.status !== 409) return undefined;
  const current = (error.problem as Problem & { current?: TriageView }).current;
  return current && typeof current === 'object' && 'status' in current ? current : undefined;
}

/**
 * The triage workflow for one advisory: choose the model or a device, the status, for
 * not_affected a justification from the VEX list, detail, owner and due date. A decision someone
 * else changed meanwhile (409) is shown with the choice to load it or to overwrite it.
 */
export function TriageForm({
  advisoryId,
  choices,
  initialKey,
  onDone,
  compact = false,
}: {
  advisoryId: string;
  choices: readonly TriageChoice[];
  initialKey?: string;
  onDone?: () => void;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const [key, setKey] = useState(initialKey ?? (choices.length === 1 ? (choices[0]?.key ?? '') : ''));
  const choice = choices.find((candidate) => candidate.key === key);
  const [draft, setDraft] = useState<TriageDraft>(() => choice?.current?.draft ?? draftOf(null));
  const [touched, setTouched] = useState(false);
  const save = useTriage();
  const queryClient = useQueryClient();
  const errors = touched ? validateTriage(draft) : {};
  const conflict = save.error instanceof ApiError && save.error.problem.status === 409;
  const theirs = conflictCurrent(save.error);
  const idPrefix = `triage-${advisoryId}-${key}`.replace(/[^a-zA-Z0-9_-]/g, '_');

  const choose = (next: string) => {
    setKey(next);
    setDraft(choices.find((candidate) => candidate.key === next)?.current?.draft ?? draftOf(null));
    save.reset();
  };
  const send = (expectedVersion: number | undefined) => {
    if (!choice) return;
    save.mutate(triageRequest(advisoryId, choice.target, draft, expectedVersion), { onSuccess: () => onDone?.() });
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (!choice || Object.keys(validateTriage(draft)).length > 0) return;
    send(choice.current?.version);
  };
  const set = <K extends keyof TriageDraft>(field: K, value: TriageDraft[K]) => setDraft({ ...draft, [field]: value });

  return (
    <form
      onSubmit={submit}
      className={compact ? 'triage-form compact' : 'triage-form'}
      data-testid="triage-form"
      noValidate
    >
      {!compact && <p className="muted">{t('vulnerabilities.triage.lead')}</p>}
      <div className="triage-grid">
        <label className="triage-target">
          {t('vulnerabilities.triage.target')}
          <select
            value={key}
            onChange={(event) => choose(event.currentTarget.value)}
            data-testid="triage-target"
            required
          >
            {choices.length > 1 && <option value="">{t('vulnerabilities.triage.chooseTarget')}</option>}
            {choices.map((candidate) => (
              <option key={candidate.key} value={candidate.key}>
                {candidate.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('vulnerabilities.triage.status')}
          <select
            value={draft.status}
            onChange={(event) => set('status', event.currentTarget.value as TriageDraft['status'])}
            data-testid="triage-status-select"
          >
            {TRIAGE_STATUS_LIST.map((status) => (
              <option key={status} value={status}>
                {t(`vulnerabilities.status.${status}`)}
              </option>
            ))}
          </select>
        </label>
        {draft.status === 'not_affected' && (
          <label>
            {t('vulnerabilities.triage.justification')}
            <select
              value={draft.justification}
              onChange={(event) => set('justification', event.currentTarget.value as TriageDraft['justification'])}
              aria-invalid={errors.justification ? true : undefined}
              aria-describedby={errors.justification ? `${idPrefix}-justification-error` : undefined}
              data-testid="triage-justification"
            >
              <option value="">{t('vulnerabilities.triage.chooseJustification')}</option>
              {JUSTIFICATION_LIST.map((justification) => (
                <option key={justification} value={justification}>
                  {t(`vulnerabilities.justifications.${justification}`)}
                </option>
              ))}
            </select>
            {errors.justification && (
              <span id={`${idPrefix}-justification-error`} className="field-error" role="alert">
                {t(`vulnerabilities.triage.errors.${errors.justification}`)}
              </span>
            )}
            <FieldError error={save.error} field="justification" id={`${idPrefix}-justification-server`} />
          </label>
        )}
        <label>
          {t('vulnerabilities.triage.owner')}
          <input
            value={draft.owner}
            maxLength={200}
            onChange={(event) => set('owner', event.currentTarget.value)}
            data-testid="triage-owner"
          />
        </label>
        <label>
          {t('vulnerabilities.triage.due')}
          <input
            type="date"
            value={draft.due}
            onChange={(event) => set('due', event.currentTarget.value)}
            aria-invalid={errors.due ? true : undefined}
            data-testid="triage-due"
          />
          {errors.due && (
            <span className="field-error" role="alert">
              {t(`vulnerabilities.triage.errors.${errors.due}`)}
            </span>
          )}
        </label>
        <label className="triage-detail">
          {t('vulnerabilities.triage.detail')}
          <textarea
            value={draft.detail}
            maxLength={4000}
            rows={compact ? 1 : 2}
            onChange={(event) => set('detail', event.currentTarget.value)}
            data-testid="triage-detail"
          />
        </label>
      </div>
      {conflict ? (
        <div role="alert" className="conflict-panel" data-testid="triage-conflict">
          <p>
            <strong>{t('vulnerabilities.triage.conflict.title')}</strong>
            {theirs && (
              <>
                {' '}
                {t('vulnerabilities.triage.conflict.theirs', {
                  status: t(`vulnerabilities.status.${theirs.status}`),
                  when: formatDateTime(theirs.updatedAt),
                })}
              </>
            )}
          </p>
          <div className="actions">
            <button
              type="button"
              onClick={() => {
                if (theirs) setDraft(draftOf(theirs));
                save.reset();
                void queryClient.invalidateQueries({ queryKey: vulnerabilityKeys.all });
              }}
            >
              {t('vulnerabilities.triage.conflict.reload')}
            </button>
            {theirs && (
              <button type="button" onClick={() => send(theirs.version)}>
                {t('vulnerabilities.triage.conflict.overwrite')}
              </button>
            )}
          </div>
        </div>
      ) : (
        <FormError error={save.error} shownAtFields={['justification']} />
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={!choice || save.isPending} data-testid="triage-save">
          {t('vulnerabilities.triage.save')}
        </button>
        {onDone && compact && (
          <button type="button" onClick={onDone}>
            {t('vulnerabilities.triage.cancel')}
          </button>
        )}
      </div>
      {save.isSuccess && (
        <p role="status" className="notice notice-text" data-testid="triage-saved">
          {t('vulnerabilities.triage.saved')}
        </p>
      )}
    </form>
  );
}
