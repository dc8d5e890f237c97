import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobView } from '../../../contracts/report.schema';
import { FormError } from '../../components/form-error';
import { incidentApi, useIncidentJob, useIncidentMutation } from './incidents-api';

/** The incident report as a PDF job (ja or en) with its download, and the timeline as CSV. */
export function IncidentReportsPanel({ incidentId }: { incidentId: string }) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<'ja' | 'en'>(i18n.language === 'en' ? 'en' : 'ja');
  const [job, setJob] = useState<JobView>();
  const request = useIncidentMutation((lang: 'ja' | 'en') => incidentApi.requestPdf(incidentId, lang));
  const polled = useIncidentJob(job).data;
  return (
    <section className="card" aria-labelledby="incident-reports-heading">
      <h2 id="incident-reports-heading">{t('incidents.reports.title')}</h2>
      <div className="inline-form">
        <label>
          {t('incidents.reports.language')}
          <select value={language} onChange={(event) => setLanguage(event.target.value as 'ja' | 'en')}>
            <option value="ja">{t('language.ja')}</option>
            <option value="en">{t('language.en')}</option>
          </select>
        </label>
        <button
          type="button"
          disabled={request.isPending}
          onClick={() => request.mutate(language, { onSuccess: setJob })}
          data-testid="incident-pdf"
        >
          {t('incidents.reports.pdf')}
        </button>
        <a className="button-link" href={incidentApi.timelineCsvUrl(incidentId)} download data-testid="incident-csv">
          {t('incidents.reports.csv')}
        </a>
      </div>
      {polled && (
        <p data-testid="incident-pdf-job" data-status={polled.status}>
          {polled.status === 'succeeded' && polled.file ? (
            <a href={polled.file.href}>
              {t('incidents.reports.succeeded')} ({polled.file.name})
            </a>
          ) : (
            t(
              polled.status === 'failed' || polled.status === 'cancelled'
                ? 'incidents.reports.failed'
                : `incidents.reports.${polled.status === 'queued' ? 'queued' : 'running'}`,
            )
          )}
        </p>
      )}
      <FormError error={request.error} />
    </section>
  );
}
