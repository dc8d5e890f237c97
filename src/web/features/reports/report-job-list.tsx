import { useTranslation } from 'react-i18next';
import type { JobView } from '../../../contracts/report.schema';
import { formatBytes } from '../../components/format-bytes';

/** The recent report jobs: what, when, progress or the file to download, and cancel while live. */
export function ReportJobList({
  jobs,
  onCancel,
  canCancelOthers,
}: {
  jobs: readonly JobView[];
  onCancel: (job: JobView) => void;
  canCancelOthers: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (jobs.length === 0) return <p className="muted">{t('reports.noJobs')}</p>;
  const time = (iso: string) => new Date(iso).toLocaleString(i18n.language === 'ja' ? 'ja-JP' : 'en-GB');
  return (
    <table className="report-jobs" data-testid="report-jobs">
      <thead>
        <tr>
          <th scope="col">{t('reports.jobKind')}</th>
          <th scope="col">{t('reports.jobRequested')}</th>
          <th scope="col">{t('reports.jobStatus')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('reports.jobActions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr key={job.id} data-testid="report-job" data-status={job.status}>
            <td>
              {t(`reports.kinds.${job.kind}.title`, { defaultValue: job.kind })}
              {job.language && <span className="muted"> · {t(`reports.languages.${job.language}`)}</span>}
              {job.detailed && <span className="muted"> · {t('reports.detailed')}</span>}
            </td>
            <td>{time(job.createdAt)}</td>
            <td>
              {job.status === 'running' || job.status === 'queued' ? (
                <>
                  <progress max={1} value={job.progress} aria-label={t(`reports.status.${job.status}`)} />{' '}
                  {t(`reports.status.${job.status}`)}
                </>
              ) : job.status === 'failed' && job.error ? (
                <span className="form-error">
                  {t(`reports.status.failed`)}: {t(`errors.${job.error.code}`, { defaultValue: job.error.message })}
                </span>
              ) : (
                t(`reports.status.${job.status}`)
              )}
            </td>
            <td>
              <span className="row-actions">
                {job.file && (
                  <a href={job.file.href} download={job.file.name} data-testid="report-download">
                    {t('reports.download')} ({formatBytes(job.file.bytes)})
                  </a>
                )}
                {(job.status === 'queued' || job.status === 'running') && (job.requestedByMe || canCancelOthers) && (
                  <button type="button" className="link-button" onClick={() => onCancel(job)}>
                    {t('reports.cancel')}
                  </button>
                )}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
