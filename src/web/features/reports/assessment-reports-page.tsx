import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ReportKind } from '../../../core/reports/report-kinds';
import { useAssessment } from '../../api/assessment-queries';
import { usePermissions } from '../../api/permissions';
import { FormError } from '../../components/form-error';
import { QueryState } from '../../components/query-state';
import { usePageTitle } from '../../components/use-page-title';
import { useReportActions, useReportJobs } from './report-api';
import { REPORT_CATALOGUE, REPORT_GROUPS } from './report-catalogue';
import { ReportJobList } from './report-job-list';
import { WorkbookImportPanel } from './workbook-import-panel';

/**
 * The Reports page of one assessment: choose a language, ask for any report or export (each runs
 * as a background job), watch its progress and download the file when it is ready.
 */
export function AssessmentReportsPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const assessment = useAssessment(id);
  usePageTitle(t('reports.title'));
  const { can } = usePermissions();
  const jobs = useReportJobs(id);
  const { request, cancel } = useReportActions(id);
  const [language, setLanguage] = useState<'ja' | 'en'>(i18n.language === 'en' ? 'en' : 'ja');
  const kinds = Object.entries(REPORT_CATALOGUE) as [ReportKind, (typeof REPORT_CATALOGUE)[ReportKind]][];
  return (
    <div className="reports-page" data-testid="reports-page">
      <QueryState query={assessment}>
        {({ assessment: detail, system }) => (
          <>
            <nav aria-label={t('assessment.breadcrumb')} className="muted">
              <Link to="/assessments">{t('assessment.backToList')}</Link> · {system.name} ·{' '}
              <Link to={`/assessments/${detail.id}`}>{detail.title}</Link>
            </nav>
            <header className="page-header">
              <h1>{t('reports.titleOf', { title: detail.title })}</h1>
              <Link to={`/assessments/${detail.id}/dashboard`} className="button-link">
                {t('reports.toDashboard')}
              </Link>
            </header>
          </>
        )}
      </QueryState>
      <p className="muted">{t('reports.lead')}</p>
      <fieldset className="report-language">
        <legend>{t('reports.language')}</legend>
        {(['ja', 'en'] as const).map((option) => (
          <label key={option}>
            <input
              type="radio"
              name="report-language"
              value={option}
              checked={language === option}
              onChange={() => setLanguage(option)}
            />{' '}
            {t(`reports.languages.${option}`)}
          </label>
        ))}
      </fieldset>
      <FormError error={request.error ?? cancel.error} />
      <div className="report-groups">
        {REPORT_GROUPS.filter((group) => kinds.some(([, entry]) => entry.group === group)).map((group) => (
          <section key={group} className="report-group" aria-labelledby={`report-group-${group}`}>
            <h2 id={`report-group-${group}`}>{t(`reports.groups.${group}`)}</h2>
            <ul className="report-cards">
              {kinds
                .filter(([, entry]) => entry.group === group)
                .map(([kind, entry]) => (
                  <li key={kind} className="card report-card" data-testid={`report-card-${kind}`}>
                    <h3>{t(`reports.kinds.${kind}.title`)}</h3>
                    <p className="muted">{t(`reports.kinds.${kind}.lead`)}</p>
                    <span className="row-actions">
                      <button
                        type="button"
                        disabled={request.isPending}
                        onClick={() => request.mutate({ kind, language })}
                        data-testid={`make-${kind}`}
                      >
                        {t('reports.make')}
                      </button>
                      {entry.detailed && (
                        <button
                          type="button"
                          className="secondary"
                          disabled={request.isPending}
                          onClick={() => request.mutate({ kind, language, detailed: true })}
                          data-testid={`make-${kind}-detailed`}
                        >
                          {t('reports.makeDetailed')}
                        </button>
                      )}
                    </span>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </div>
      {can('answers.write') && <WorkbookImportPanel assessmentId={id} />}
      <section aria-labelledby="report-jobs-heading">
        <h2 id="report-jobs-heading">{t('reports.jobs')}</h2>
        <QueryState query={jobs}>
          {({ jobs: list }) => (
            <ReportJobList jobs={list} onCancel={(job) => cancel.mutate(job)} canCancelOthers={can('members.manage')} />
          )}
        </QueryState>
      </section>
    </div>
  );
}
