import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/api-client';
import {
  importProblems,
  inventoryApi,
  useInventoryMutation,
  type ImportProblem,
  type ImportResult,
} from '../../api/inventory-queries';
import { usePermissions } from '../../api/permissions';
import { FormError } from '../../components/form-error';
import { useReasonText } from '../../components/problem-text';
import { usePageTitle } from '../../components/use-page-title';

type Run = { dryRun: boolean; validOnly: boolean; file: File };

/**
 * Imports a CSV or XLSX file of devices: a dry run first shows what would change and every
 * problem (row, column, value, reason); then the real import of the same file.
 */
export function ImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('inventory.importPage.title'));
  const permissions = usePermissions();
  const [file, setFile] = useState<File>();
  const [validOnly, setValidOnly] = useState(false);
  const [checked, setChecked] = useState<{ file: File; validOnly: boolean }>();
  const run = useInventoryMutation((input: Run) =>
    inventoryApi.importFile(input.file, { dryRun: input.dryRun, validOnly: input.validOnly }),
  );

  const start = (dryRun: boolean) => {
    if (!file) return;
    run.mutate(
      { file, dryRun, validOnly },
      {
        onSuccess: (result) =>
          setChecked(dryRun && (result.problems.length === 0 || validOnly) ? { file, validOnly } : undefined),
      },
    );
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    start(true);
  };
  // The real import is offered once a dry run of this very file and option went through.
  const canImport = checked !== undefined && checked.file === file && checked.validOnly === validOnly;
  const refused = importProblems(run.error);
  const refusedCount =
    run.error instanceof ApiError ? (run.error.problem as { problemCount?: number }).problemCount : undefined;

  if (permissions.isLoading) return null;
  if (!permissions.can('inventory.import')) return <p role="alert">{t('errors.FORBIDDEN')}</p>;
  return (
    <div className="import-page">
      <p>
        <Link to="/inventory">← {t('inventory.device.back')}</Link>
      </p>
      <h1>{t('inventory.importPage.title')}</h1>
      <p className="muted">{t('inventory.importPage.lead')}</p>
      <form onSubmit={submit} className="stacked-form" data-testid="import-form">
        <label>
          {t('inventory.importPage.file')}
          <input
            type="file"
            name="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => {
              setFile(event.currentTarget.files?.[0]);
              run.reset();
            }}
            data-testid="import-file"
          />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={validOnly} onChange={(event) => setValidOnly(event.currentTarget.checked)} />
          {t('inventory.importPage.validOnly')}
        </label>
        <div className="actions">
          <button type="submit" disabled={!file || run.isPending} data-testid="import-dry-run">
            {t('inventory.importPage.dryRun')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={!canImport || run.isPending}
            onClick={() => start(false)}
            data-testid="import-run"
          >
            {t('inventory.importPage.run')}
          </button>
        </div>
      </form>
      {run.isPending && <p role="status">{t('inventory.importPage.running')}</p>}
      {run.data && <ImportSummary result={run.data} />}
      {refused.length > 0 ? (
        <div role="alert" data-testid="import-refused">
          <p className="form-error">{t('inventory.importPage.refused')}</p>
          <p className="muted">{t('inventory.importPage.refusedHint')}</p>
          <ProblemTable problems={refused} count={refusedCount ?? refused.length} />
        </div>
      ) : (
        run.error instanceof ApiError && <FormError error={run.error} />
      )}
    </div>
  );
}

function ImportSummary({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const numbers = ['rows', 'created', 'updated', 'unchanged', 'skipped'] as const;
  return (
    <section className="import-result" data-testid="import-result" data-dry-run={String(result.dryRun)}>
      <p role="status" className="notice notice-text">
        {result.dryRun ? t('inventory.importPage.dryRunDone') : t('inventory.importPage.importDone')}
      </p>
      <dl className="import-counts">
        {numbers.map((key) => (
          <div key={key} data-testid={`import-${key}`}>
            <dt>{t(`inventory.importPage.${key}`)}</dt>
            <dd>{result[key].toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      {result.problems.length > 0 && (
        <ProblemTable problems={result.problems} count={result.problemCount ?? result.problems.length} />
      )}
      {!result.dryRun && (
        <p>
          <Link to="/inventory">{t('inventory.importPage.openList')}</Link>
        </p>
      )}
    </section>
  );
}

function ProblemTable({ problems, count }: { problems: readonly ImportProblem[]; count: number }) {
  const { t } = useTranslation();
  const say = useReasonText();
  return (
    <>
      <h2>{t('inventory.importPage.problems', { count: count.toLocaleString() })}</h2>
      {count > problems.length && (
        <p className="muted">{t('inventory.importPage.problemsShown', { count: problems.length.toLocaleString() })}</p>
      )}
      <table className="data-table compact" data-testid="import-problems">
        <thead>
          <tr>
            <th scope="col">{t('inventory.importPage.row')}</th>
            <th scope="col">{t('inventory.importPage.column')}</th>
            <th scope="col">{t('inventory.importPage.value')}</th>
            <th scope="col">{t('inventory.importPage.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((problem, index) => (
            <tr key={index} data-testid="import-problem" data-code={problem.code ?? ''}>
              <td>{problem.row ?? '—'}</td>
              <td>{problem.column ?? '—'}</td>
              <td>
                <span className="import-value">{problem.value ?? ''}</span>
              </td>
              {/* The field is left out: the row and column already locate the value. */}
              <td>{say({ reason: problem.reason, code: problem.code, params: problem.params })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
