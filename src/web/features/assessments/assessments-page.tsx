import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { AssessmentSummary, IotSystem } from '../../../contracts/assessment.schema';
import { assessmentApi, assessmentKeys, useAssessmentList, useSystems } from '../../api/assessment-queries';
import { useApiMutation, useMe } from '../../api/auth-queries';
import { FieldError, fieldErrorId } from '../../components/field-error';
import { FormError } from '../../components/form-error';
import { QueryState } from '../../components/query-state';
import { AssessmentActions } from './assessment-actions';
import { CRITICALITIES, fiscalYear, formatDateTime, formatPeriod, percent } from './assessment-model';
import { SystemActions } from './system-actions';
import { usePageTitle } from '../../components/use-page-title';
import { reasonsForField } from '../../components/problem-text';

const hasReason = (error: unknown, field: string) => reasonsForField(error, field).length > 0;

/** Every IoT system of the organisation with its assessments, and forms to add either. */
export function AssessmentsPage() {
  const { t } = useTranslation();
  usePageTitle(t('assessment.listTitle'));
  const me = useMe();
  const systems = useSystems();
  const assessments = useAssessmentList();
  const canWrite = me.data?.role === 'owner' || me.data?.role === 'admin' || me.data?.role === 'assessor';
  const canDelete = me.data?.role === 'owner' || me.data?.role === 'admin';
  return (
    <div className="assessments-page">
      <header className="page-header">
        <h1>{t('assessment.listTitle')}</h1>
      </header>
      <p className="muted">{t('assessment.listLead')}</p>
      <QueryState query={systems}>
        {(data) => (
          <>
            {data.systems.length === 0 && <p className="notice">{t('assessment.noSystems')}</p>}
            {data.systems.map((system) => (
              <SystemBlock
                key={system.id}
                system={system}
                assessments={
                  assessments.data?.assessments.filter((candidate) => candidate.systemId === system.id) ?? []
                }
                canWrite={canWrite}
                canDelete={canDelete}
              />
            ))}
            {canWrite && <NewSystemForm />}
          </>
        )}
      </QueryState>
      <FormError error={assessments.error} />
    </div>
  );
}

function SystemBlock({
  system,
  assessments,
  canWrite,
  canDelete,
}: {
  system: IotSystem;
  assessments: readonly AssessmentSummary[];
  canWrite: boolean;
  canDelete: boolean;
}) {
  const { t } = useTranslation();
  const headingId = `system-${system.id}`;
  return (
    <section className="system-block" aria-labelledby={headingId} data-testid="system-block">
      <header className="system-header">
        <h2 id={headingId}>{system.name}</h2>
        <span className={`badge criticality-${system.criticality}`}>{t(`criticality.${system.criticality}`)}</span>
        {system.internetFacing && <span className="badge internet">{t('assessment.internetFacingBadge')}</span>}
        {assessments.length > 0 && (
          <Link to={`/systems/${system.id}`} data-testid="system-dashboard-link">
            {t('systemDashboard.open')}
          </Link>
        )}
        <SystemActions system={system} assessmentCount={assessments.length} canEdit={canWrite} canDelete={canDelete} />
      </header>
      {system.business && (
        <p className="muted">
          {t('assessment.business')}: {system.business}
        </p>
      )}
      {assessments.length === 0 ? (
        <p className="muted">{t('assessment.noAssessments')}</p>
      ) : (
        <table className="data-table assessment-table">
          <thead>
            <tr>
              <th scope="col">{t('assessment.columns.title')}</th>
              <th scope="col">{t('manage.period')}</th>
              <th scope="col">{t('assessment.columns.status')}</th>
              <th scope="col">{t('assessment.columns.score')}</th>
              <th scope="col">{t('assessment.columns.completion')}</th>
              <th scope="col">{t('assessment.columns.updated')}</th>
              {(canWrite || canDelete) && (
                <th scope="col">
                  <span className="visually-hidden">{t('manage.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {assessments.map((assessment) => (
              <tr key={assessment.id} data-testid="assessment-summary">
                <td>
                  <Link to={`/assessments/${assessment.id}`}>{assessment.title}</Link>
                </td>
                <td className="nowrap">{formatPeriod(assessment.periodStart, assessment.periodEnd)}</td>
                <td>
                  <span className={`status status-${assessment.status}`}>{t(`status.${assessment.status}`)}</span>
                </td>
                <td className="number-cell">
                  {assessment.completion === 0 ? t('dashboard.notAnswered') : percent(assessment.overallScore)}
                </td>
                <td className="number-cell">
                  <meter
                    min={0}
                    max={1}
                    value={assessment.completion}
                    aria-label={t('assessment.columns.completion')}
                  />{' '}
                  {percent(assessment.completion)}
                </td>
                <td>{formatDateTime(assessment.updatedAt)}</td>
                {(canWrite || canDelete) && (
                  <td>
                    <AssessmentActions assessment={assessment} canEdit={canWrite} canDelete={canDelete} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite && <NewAssessmentForm system={system} />}
    </section>
  );
}

function NewSystemForm() {
  const { t } = useTranslation();
  const create = useApiMutation(assessmentApi.createSystem);
  const [open, setOpen] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    create.mutate(
      {
        name: String(form.get('name')).trim(),
        criticality: String(form.get('criticality')) as IotSystem['criticality'],
        business: String(form.get('business') ?? '').trim(),
        internetFacing: form.get('internetFacing') === 'on',
      },
      { onSuccess: () => (formElement.reset(), setOpen(false)) },
    );
  };
  return (
    <section className="panel" aria-labelledby="new-system-heading">
      <h2 id="new-system-heading">{t('assessment.newSystem')}</h2>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)} data-testid="open-new-system">
          {t('assessment.newSystemOpen')}
        </button>
      ) : (
        <form onSubmit={submit} className="stacked-form wide" data-testid="new-system-form">
          <label>
            {t('assessment.systemName')}
            <input
              name="name"
              required
              maxLength={200}
              placeholder={t('assessment.systemNamePlaceholder')}
              aria-invalid={hasReason(create.error, 'name')}
              aria-describedby={fieldErrorId('new-system-name')}
            />
            <FieldError error={create.error} field="name" id="new-system-name" />
          </label>
          <fieldset className="radio-row">
            <legend>{t('assessment.criticality')}</legend>
            {CRITICALITIES.map((criticality) => (
              <label key={criticality} className="radio">
                <input
                  type="radio"
                  name="criticality"
                  value={criticality}
                  defaultChecked={criticality === 'important'}
                />
                <span>
                  <strong>{t(`criticality.${criticality}`)}</strong>{' '}
                  <span className="muted">{t(`criticalityHelp.${criticality}`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <label>
            {t('assessment.business')}
            <input name="business" maxLength={1000} placeholder={t('assessment.businessPlaceholder')} />
          </label>
          <label className="checkbox">
            <input type="checkbox" name="internetFacing" />
            {t('assessment.internetFacing')}
          </label>
          <div className="actions">
            <button type="submit" disabled={create.isPending}>
              {t('assessment.createSystem')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('assessment.cancel')}
            </button>
          </div>
          <FormError error={create.error} shownAtFields={['name']} />
        </form>
      )}
    </section>
  );
}

function NewAssessmentForm({ system }: { system: IotSystem }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useApiMutation(assessmentApi.createAssessment);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const periodStart = String(form.get('periodStart') ?? '');
    const periodEnd = String(form.get('periodEnd') ?? '');
    create.mutate(
      {
        systemId: system.id,
        title: String(form.get('title')).trim(),
        ...(periodStart ? { periodStart } : {}),
        ...(periodEnd ? { periodEnd } : {}),
      },
      {
        onSuccess: async (created: string) => {
          await queryClient.invalidateQueries({ queryKey: assessmentKeys.list });
          await navigate(`/assessments/${created}`);
        },
      },
    );
  };
  const fiscal = fiscalYear(new Date());
  const formId = `new-assessment-${system.id}`;
  return (
    <details className="new-assessment">
      <summary>{t('assessment.newAssessment')}</summary>
      <form
        onSubmit={submit}
        className="inline-form"
        aria-label={t('assessment.newAssessmentFor', { system: system.name })}
      >
        <label>
          {t('assessment.assessmentTitle')}
          <input
            name="title"
            required
            maxLength={200}
            defaultValue={t('assessment.defaultTitle', { year: fiscal.year })}
            aria-invalid={hasReason(create.error, 'title')}
            aria-describedby={fieldErrorId(`${formId}-title`)}
          />
          <FieldError error={create.error} field="title" id={`${formId}-title`} />
        </label>
        <label>
          {t('assessment.periodStart')}
          <input
            name="periodStart"
            type="date"
            defaultValue={fiscal.start}
            aria-invalid={hasReason(create.error, 'periodStart')}
            aria-describedby={fieldErrorId(`${formId}-start`)}
          />
          <FieldError error={create.error} field="periodStart" id={`${formId}-start`} />
        </label>
        <label>
          {t('assessment.periodEnd')}
          <input
            name="periodEnd"
            type="date"
            defaultValue={fiscal.end}
            aria-invalid={hasReason(create.error, 'periodEnd')}
            aria-describedby={fieldErrorId(`${formId}-end`)}
          />
          <FieldError error={create.error} field="periodEnd" id={`${formId}-end`} />
        </label>
        <button type="submit" disabled={create.isPending}>
          {t('assessment.createAssessment')}
        </button>
      </form>
      <FormError error={create.error} shownAtFields={['title', 'periodStart', 'periodEnd']} />
    </details>
  );
}
