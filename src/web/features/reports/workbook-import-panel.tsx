import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkbookChange, WorkbookImportResult } from '../../../contracts/workbook-import.schema';
import { ApiError } from '../../api/api-client';
import { FormError } from '../../components/form-error';
import { problemReasons, useReasonText } from '../../components/problem-text';
import { useWorkbookImport } from './workbook-import-api';

/**
 * Imports an edited checksheet workbook into an assessment: choose the file, preview the changes
 * (a dry run), then apply them. A refused workbook shows every located problem (sheet and cell,
 * value, reason) and nothing is applied.
 */
export function WorkbookImportPanel({ assessmentId }: { assessmentId: string }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File>();
  const [previewed, setPreviewed] = useState<File>();
  const run = useWorkbookImport(assessmentId);

  const start = (dryRun: boolean) => {
    if (!file) return;
    run.mutate({ file, dryRun }, { onSuccess: () => setPreviewed(dryRun ? file : undefined) });
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    start(true);
  };
  const canApply = previewed !== undefined && previewed === file && (run.data?.changes.length ?? 0) > 0;
  const refused = problemReasons(run.error);

  return (
    <section className="panel workbook-import" aria-labelledby="workbook-import-title" data-testid="workbook-import">
      <h2 id="workbook-import-title">{t('workbook.title')}</h2>
      <p className="muted">{t('workbook.lead')}</p>
      <form onSubmit={submit} className="stacked-form">
        <label>
          {t('workbook.file')}
          <input
            type="file"
            name="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => {
              setFile(event.currentTarget.files?.[0]);
              setPreviewed(undefined);
              run.reset();
            }}
            data-testid="workbook-file"
          />
        </label>
        <div className="actions">
          <button type="submit" disabled={!file || run.isPending} data-testid="workbook-preview">
            {t('workbook.preview')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={!canApply || run.isPending}
            onClick={() => start(false)}
            data-testid="workbook-apply"
          >
            {t('workbook.apply')}
          </button>
        </div>
      </form>
      {run.isPending && <p role="status">{t('workbook.working')}</p>}
      {run.data && <ChangeList result={run.data} />}
      {refused.length > 0 && run.error instanceof ApiError ? (
        <div role="alert" data-testid="workbook-refused" data-code={run.error.problem.code}>
          <p className="form-error">
            {run.error.problem.code === 'CONFLICT' ? t('workbook.conflict') : t('workbook.refused')}
          </p>
          <ProblemList error={run.error} />
        </div>
      ) : (
        run.error && <FormError error={run.error} />
      )}
    </section>
  );
}

function ChangeList({ result }: { result: WorkbookImportResult }) {
  const { t } = useTranslation();
  const shown = (change: WorkbookChange, value: string) =>
    change.field === 'result' ? t(`results.${value}`, { defaultValue: value }) : value || t('workbook.empty');
  if (result.changes.length === 0)
    return (
      <p role="status" className="notice notice-text" data-testid="workbook-result">
        {t('workbook.noChanges')}
      </p>
    );
  return (
    <div data-testid="workbook-result" data-applied={String(result.applied)}>
      <p role="status" className="notice notice-text">
        {result.applied
          ? t('workbook.applied', { count: result.changes.length })
          : t('workbook.previewed', { count: result.changes.length })}
      </p>
      <table className="data-table compact" data-testid="workbook-changes">
        <thead>
          <tr>
            <th scope="col">{t('workbook.number')}</th>
            <th scope="col">{t('workbook.field')}</th>
            <th scope="col">{t('workbook.before')}</th>
            <th scope="col">{t('workbook.after')}</th>
          </tr>
        </thead>
        <tbody>
          {result.changes.map((change) => (
            <tr key={`${change.itemId}/${change.field}`} data-testid="workbook-change">
              <td>{change.number}</td>
              <td>{t(`workbook.fields.${change.field}`)}</td>
              <td className="workbook-text">{shown(change, change.before)}</td>
              <td className="workbook-text">{shown(change, change.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ProblemList({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  const say = useReasonText();
  return (
    <table className="data-table compact" data-testid="workbook-problems">
      <thead>
        <tr>
          <th scope="col">{t('workbook.location')}</th>
          <th scope="col">{t('workbook.value')}</th>
          <th scope="col">{t('workbook.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {problemReasons(error).map((problem, index) => (
          <tr key={index} data-testid="workbook-problem">
            <td>{problem.path ?? problem.file ?? '—'}</td>
            <td>{(problem as { value?: string }).value ?? ''}</td>
            <td>{say({ reason: problem.reason, code: problem.code, params: problem.params })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
