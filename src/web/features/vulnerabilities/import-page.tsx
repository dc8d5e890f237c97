import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { JobView } from '../../../contracts/report.schema';
import { usePermissions } from '../../api/permissions';
import { FormError } from '../../components/form-error';
import { LocatedProblems } from '../../components/located-problems';
import { usePageTitle } from '../../components/use-page-title';
import { formatDateTime } from '../assessments/assessment-model';
import { useAdvisoryImport, useImportResult, useMatchNow, useVulnerabilityJob } from './vulnerability-api';
import { IMPORT_SOURCES, type ImportSource } from './vulnerability-vocabulary';

/**
 * /vulnerabilities/import: upload an advisory file (format detected or chosen) and follow the job
 * that imports it and matches the organisation's devices; or start a match run alone. The job id
 * is kept in the address, so a reload keeps following it.
 */
export function VulnerabilityImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('vulnerabilities.import.title'));
  const permissions = usePermissions();
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');
  const [file, setFile] = useState<File>();
  const [source, setSource] = useState<ImportSource>('auto');
  const upload = useAdvisoryImport();
  const match = useMatchNow();
  const follow = (job: JobView) => setParams({ job: job.id });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return;
    match.reset();
    upload.mutate({ file, source }, { onSuccess: (accepted) => follow(accepted.job) });
  };

  if (permissions.isLoading) return null;
  if (!permissions.can('vulnerabilities.import')) return <p role="alert">{t('errors.FORBIDDEN')}</p>;
  return (
    <div className="vulnerability-import-page">
      <p>
        <Link to="/vulnerabilities">← {t('vulnerabilities.advisory.back')}</Link>
      </p>
      <h1>{t('vulnerabilities.import.title')}</h1>
      <p className="muted">{t('vulnerabilities.import.lead')}</p>
      <section className="panel">
        <form onSubmit={submit} className="stacked-form" data-testid="vuln-import-form">
          <label>
            {t('vulnerabilities.import.file')}
            <input
              type="file"
              name="file"
              accept=".json,.xml,.rdf,application/json,application/xml,text/xml"
              onChange={(event) => {
                setFile(event.currentTarget.files?.[0]);
                upload.reset();
              }}
              data-testid="vuln-import-file"
            />
          </label>
          <label>
            {t('vulnerabilities.import.source')}
            <select
              value={source}
              onChange={(event) => setSource(event.currentTarget.value as ImportSource)}
              data-testid="vuln-import-source"
            >
              {IMPORT_SOURCES.map((choice) => (
                <option key={choice} value={choice}>
                  {t(`vulnerabilities.import.sources.${choice}`)}
                </option>
              ))}
            </select>
          </label>
          <div className="actions">
            <button
              type="submit"
              className="primary"
              disabled={!file || upload.isPending}
              data-testid="vuln-import-submit"
            >
              {upload.isPending ? t('vulnerabilities.import.uploading') : t('vulnerabilities.import.upload')}
            </button>
          </div>
        </form>
        <LocatedProblems error={upload.error} testId="vuln-import" />
      </section>
      <section className="panel">
        <p className="muted">{t('vulnerabilities.import.matchLead')}</p>
        <button
          type="button"
          disabled={match.isPending}
          onClick={() => match.mutate(undefined, { onSuccess: (accepted) => follow(accepted.job) })}
          data-testid="vuln-match-now"
        >
          {t('vulnerabilities.import.matchNow')}
        </button>
        <FormError error={match.error} />
      </section>
      {jobId && <JobProgress jobId={jobId} />}
    </div>
  );
}

function JobProgress({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const job = useVulnerabilityJob(jobId);
  const result = useImportResult(job.data);
  const data = job.data;
  const isMatch = data?.kind.includes('match') ?? false;
  return (
    <section
      className="panel"
      aria-labelledby="vuln-job-heading"
      data-testid="vuln-job"
      data-status={data?.status ?? ''}
    >
      <h2 id="vuln-job-heading">{t('vulnerabilities.import.job')}</h2>
      <FormError error={job.error} />
      {data && (
        <p>
          {t(`vulnerabilities.import.jobKinds.${isMatch ? 'match' : 'import'}`)}{' '}
          <span className="muted">{formatDateTime(data.createdAt)}</span>{' '}
          {data.status === 'queued' || data.status === 'running' ? (
            <>
              <progress max={1} value={data.progress} aria-label={t(`vulnerabilities.import.status.${data.status}`)} />{' '}
              {t(`vulnerabilities.import.status.${data.status}`)}
            </>
          ) : (
            <strong>{t(`vulnerabilities.import.status.${data.status}`)}</strong>
          )}
        </p>
      )}
      {data?.status === 'failed' && data.error && (
        <p className="form-error" role="alert">
          {t(`errors.${data.error.code}`, { defaultValue: data.error.message })}
          {t(`errors.${data.error.code}`, { defaultValue: '' }) !== data.error.message && (
            <span className="muted"> ({data.error.message})</span>
          )}
        </p>
      )}
      {data?.status === 'succeeded' && isMatch && <p role="status">{t('vulnerabilities.import.matchDone')}</p>}
      {result.data && (
        <div data-testid="vuln-import-result">
          <h3>{t('vulnerabilities.import.result.title')}</h3>
          <dl className="field-list">
            {(['read', 'inserted', 'updated', 'unchanged', 'pendingConfirmations'] as const).map((key) => (
              <div key={key} data-testid={`import-${key}`}>
                <dt>{t(`vulnerabilities.import.result.${key}`)}</dt>
                <dd>{result.data[key]}</dd>
              </div>
            ))}
          </dl>
          {result.data.match && <p>{t('vulnerabilities.import.result.matches', result.data.match)}</p>}
          <p className="actions">
            <Link to="/vulnerabilities" className="button-link" data-testid="vuln-import-open">
              {t('vulnerabilities.import.result.open')}
            </Link>
            {result.data.pendingConfirmations > 0 && (
              <Link to="/vulnerabilities/confirmations" className="button-link">
                {t('vulnerabilities.actions.confirmations')}
              </Link>
            )}
          </p>
        </div>
      )}
      <FormError error={result.error} />
    </section>
  );
}
