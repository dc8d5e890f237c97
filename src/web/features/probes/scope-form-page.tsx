import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ProbeScopeView } from '../../../contracts/probes';
import { usePermissions } from '../../api/permissions';
import { FieldError, fieldErrorId } from '../../components/field-error';
import { FormError } from '../../components/form-error';
import { usePageTitle } from '../../components/use-page-title';
import { CredentialsSwitch } from './credentials-switch';
import { ProbeDevicePicker } from './probe-device-picker';
import { useCreateScope, useScope, useUpdateScope } from './probes-api';
import {
  appendTargets,
  draftFromScope,
  emptyScopeDraft,
  toCreateInput,
  toUpdateInput,
  type DraftProblem,
  type ScopeDraft,
} from './scope-draft';
import { TargetErrors } from './target-errors';
import { TimeWindowsField } from './time-windows-field';
import './probes.css';

/** Fields whose server reasons are shown beside the field rather than in the form's error box. */
const FIELDS = ['name', 'targets', 'rate', 'concurrency', 'vantage', 'expectedPorts', 'timeZone', 'timeWindows'];

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Creates a scope (`/inventory/probes/scopes/new`) or edits one (`/inventory/probes/scopes/:id`); admins only. */
export function ScopeFormPage() {
  const { t } = useTranslation();
  const { id = 'new' } = useParams();
  const permissions = usePermissions();
  const scope = useScope(id === 'new' ? null : id);
  usePageTitle(t('probes.scopes.title'));
  if (permissions.isLoading) return null;
  if (!permissions.can('probes.manage')) return <p role="alert">{t('errors.FORBIDDEN')}</p>;
  return (
    <div className="probes-page">
      <p>
        <Link to="/inventory/probes">← {t('probes.backToProbes')}</Link>
      </p>
      {id === 'new' ? (
        <ScopeForm scope={null} />
      ) : (
        <>
          {scope.isPending && <p role="status">{t('common.loading')}</p>}
          <FormError error={scope.error} />
          {/* Keyed by version: after a save or a conflict the form starts again from what is stored. */}
          {scope.data && <ScopeForm key={scope.data.version} scope={scope.data} />}
        </>
      )}
    </div>
  );
}

function ScopeForm({ scope }: { scope: ProbeScopeView | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<ScopeDraft>(() =>
    scope ? draftFromScope(scope) : emptyScopeDraft(browserTimeZone()),
  );
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const create = useCreateScope();
  const update = useUpdateScope(scope?.id ?? '');
  const save = scope ? update : create;
  const set = (patch: Partial<ScopeDraft>) => setDraft((current) => ({ ...current, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const done = { onSuccess: () => void navigate('/inventory/probes') };
    if (scope) {
      const request = toUpdateInput(draft, scope);
      setProblems('problems' in request ? request.problems : []);
      if ('input' in request) update.mutate(request.input, done);
    } else {
      const request = toCreateInput(draft);
      setProblems('problems' in request ? request.problems : []);
      if ('input' in request) create.mutate(request.input, done);
    }
  };
  const localError = (field: DraftProblem['field']) => {
    const problem = problems.find((candidate) => candidate.field === field);
    return problem ? (
      <span className="field-error" role="alert" data-testid={`field-error-${field}`}>
        {t('errors.reasons.invalid_value')}: {problem.values.join(', ')}
      </span>
    ) : (
      <FieldError error={save.error} field={field} id={`scope-${field}`} />
    );
  };
  const described = (field: string) => ({ 'aria-describedby': fieldErrorId(`scope-${field}`) });

  return (
    <form className="panel probe-form" onSubmit={submit} data-testid="scope-form" noValidate>
      <h1>{scope ? t('probes.scopeForm.editTitle', { name: scope.name }) : t('probes.scopeForm.createTitle')}</h1>
      <p className="muted">{t('probes.scopes.lead')}</p>
      <div className="probe-form-grid">
        <div>
          <Field label={t('probes.scopeForm.name')}>
            <input
              value={draft.name}
              maxLength={100}
              onChange={(event) => set({ name: event.target.value })}
              data-testid="scope-name"
              {...described('name')}
            />
            <FieldError error={save.error} field="name" id="scope-name" />
          </Field>
          <Field label={t('probes.scopeForm.targets')}>
            <span className="muted field-help">{t('probes.scopeForm.targetsHelp')}</span>
            <textarea
              rows={6}
              value={draft.targets}
              onChange={(event) => set({ targets: event.target.value })}
              spellCheck={false}
              className="code-input"
              data-testid="scope-targets"
              {...described('targets')}
            />
            <TargetErrors error={save.error} targets={draft.targets} id="scope-targets" />
          </Field>
          <ProbeDevicePicker
            label={t('probes.scopeForm.devices')}
            exclude={[]}
            onAdd={(device) => set({ targets: appendTargets(draft.targets, device.ipAddresses) })}
          />
          <p className="muted field-help">{t('probes.scopeForm.devicesHelp')}</p>
        </div>
        <div>
          <div className="inline-fields">
            <Field label={t('probes.scopeForm.rate')}>
              <input
                inputMode="numeric"
                value={draft.rate}
                onChange={(event) => set({ rate: event.target.value })}
                data-testid="scope-rate"
                {...described('rate')}
              />
              {localError('rate')}
            </Field>
            <Field label={t('probes.scopeForm.concurrency')}>
              <input
                inputMode="numeric"
                value={draft.concurrency}
                onChange={(event) => set({ concurrency: event.target.value })}
                data-testid="scope-concurrency"
                {...described('concurrency')}
              />
              {localError('concurrency')}
            </Field>
          </div>
          <p className="muted field-help">{t('probes.scopeForm.rateHelp')}</p>
          <fieldset className="probe-vantage">
            <legend>{t('probes.scopeForm.vantage')}</legend>
            {(['inside', 'outside'] as const).map((vantage) => (
              <label key={vantage} className="checkbox">
                <input
                  type="radio"
                  name="vantage"
                  checked={draft.vantage === vantage}
                  onChange={() => set({ vantage })}
                  data-testid={`scope-vantage-${vantage}`}
                />
                {t(`probes.scopeForm.vantages.${vantage}`)}
              </label>
            ))}
            <span className="muted field-help">{t('probes.scopeForm.vantageHelp')}</span>
            <FieldError error={save.error} field="vantage" id="scope-vantage" />
          </fieldset>
          <Field label={t('probes.scopeForm.expectedPorts')}>
            <input
              value={draft.expectedPorts}
              placeholder="22, 443, 8883"
              onChange={(event) => set({ expectedPorts: event.target.value })}
              data-testid="scope-expected-ports"
              {...described('expectedPorts')}
            />
            <span className="muted field-help">{t('probes.scopeForm.expectedPortsHelp')}</span>
            {localError('expectedPorts')}
          </Field>
          <TimeWindowsField
            windows={draft.timeWindows}
            onChange={(timeWindows) => set({ timeWindows })}
            error={save.error}
          />
          <Field label={t('probes.scopeForm.timeZone')}>
            <input
              value={draft.timeZone}
              onChange={(event) => set({ timeZone: event.target.value })}
              data-testid="scope-time-zone"
              {...described('timeZone')}
            />
            <span className="muted field-help">{t('probes.scopeForm.timeZoneHelp')}</span>
            <FieldError error={save.error} field="timeZone" id="scope-timeZone" />
          </Field>
          <CredentialsSwitch
            checked={draft.allowCredentials}
            onChange={(allowCredentials) => set({ allowCredentials })}
          />
        </div>
      </div>
      <FormError error={save.error} shownAtFields={FIELDS} />
      <div className="form-buttons">
        <button type="submit" disabled={save.isPending} data-testid="scope-save">
          {scope ? t('probes.scopeForm.save') : t('probes.scopeForm.create')}
        </button>
        <Link to="/inventory/probes" className="button-link">
          {t('probes.scopeForm.cancel')}
        </Link>
      </div>
    </form>
  );
}

/** A labelled block of the form; the label wraps the control so clicking it focuses the input. */
function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="field probe-field">
      <span className="field-label">{label}</span>
      {children}
    </label>
  );
}
