import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePermissions } from '../../api/permissions';
import { FormError } from '../../components/form-error';
import { usePageTitle } from '../../components/use-page-title';
import { AdvisoryTable } from './advisory-table';
import { MatchTable } from './match-table';
import { useAdvisoryPages, useMatchPages, useVulnerabilitySummary } from './vulnerability-api';
import {
  filtersToParams,
  readFilters,
  VULNERABILITY_VIEWS,
  type VulnerabilityFilters,
  type VulnerabilityView,
} from './vulnerability-filters';
import { SummaryStrip, VulnerabilityTrend } from './vulnerability-summary';
import { SEVERITY_FILTERS, TRIAGE_STATUS_LIST } from './vulnerability-vocabulary';

/**
 * /vulnerabilities: the summary strip and the trend on top, then the matches by advisory, by
 * device or by model, filtered by severity, KEV and status (and words, for advisories). The
 * filters live in the address, so a filtered list can be shared and survives a reload.
 */
export function VulnerabilitiesPage() {
  const { t } = useTranslation();
  usePageTitle(t('vulnerabilities.title'));
  const permissions = usePermissions();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const summary = useVulnerabilitySummary();
  const go = (next: VulnerabilityFilters) => setParams(filtersToParams(next));

  if (permissions.isLoading) return null;
  if (!permissions.can('vulnerabilities.read')) return <p role="alert">{t('errors.FORBIDDEN')}</p>;
  return (
    <div className="vulnerabilities-page">
      <div className="page-header">
        <h1>{t('vulnerabilities.title')}</h1>
        <div className="actions">
          {permissions.can('vulnerabilities.import') && (
            <Link to="/vulnerabilities/import" className="button-link" data-testid="vuln-import-link">
              {t('vulnerabilities.actions.import')}
            </Link>
          )}
          <Link to="/vulnerabilities/confirmations" className="button-link">
            {t('vulnerabilities.actions.confirmations')}
          </Link>
          <Link to="/vulnerabilities/sboms" className="button-link" data-testid="vuln-sboms-link">
            {t('vulnerabilities.actions.sboms')}
          </Link>
          <Link to="/vulnerabilities/firmware" className="button-link" data-testid="vuln-firmware-link">
            {t('vulnerabilities.actions.firmware')}
          </Link>
          <span className="vex-links">
            {t('vulnerabilities.actions.exportVex')}:{' '}
            <a href="/api/vulnerabilities/vex?format=cyclonedx" download data-testid="vex-cyclonedx">
              {t('vulnerabilities.actions.cyclonedx')}
            </a>{' '}
            ·{' '}
            <a href="/api/vulnerabilities/vex?format=csaf" download>
              {t('vulnerabilities.actions.csaf')}
            </a>
          </span>
        </div>
      </div>
      <p className="muted">{t('vulnerabilities.lead')}</p>
      <SummaryStrip summary={summary.data} />
      <FormError error={summary.error} />
      {summary.data && <VulnerabilityTrend trend={summary.data.trend} />}
      <div role="tablist" aria-label={t('vulnerabilities.tabs.label')} className="tab-bar">
        {VULNERABILITY_VIEWS.map((view) => (
          <button
            key={view}
            type="button"
            role="tab"
            aria-selected={filters.view === view}
            className={filters.view === view ? 'tab active' : 'tab'}
            onClick={() => go({ ...filters, view })}
            data-testid={`vuln-tab-${view}`}
          >
            {t(`vulnerabilities.tabs.${view}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="tab-panel">
        <FilterForm key={params.toString()} filters={filters} onChange={go} />
        {filters.view === 'advisories' ? <AdvisoryTab filters={filters} /> : <MatchTab filters={filters} />}
      </div>
    </div>
  );
}

function FilterForm({
  filters,
  onChange,
}: {
  filters: VulnerabilityFilters;
  onChange: (next: VulnerabilityFilters) => void;
}) {
  const { t } = useTranslation();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    next.set('view', filters.view);
    for (const name of ['q', 'severity', 'status'] as const) {
      const value = String(form.get(name) ?? '');
      if (value) next.set(name, value);
    }
    if (form.get('kev') === 'on') next.set('kev', 'true');
    onChange(readFilters(next));
  };
  const filtered = isFiltered(filters);
  return (
    <form className="inline-form vuln-filters" onSubmit={submit} aria-label={t('vulnerabilities.filters.label')}>
      {filters.view === 'advisories' && (
        <label>
          {t('vulnerabilities.filters.search')}
          <input
            type="search"
            name="q"
            defaultValue={filters.q}
            maxLength={200}
            placeholder={t('vulnerabilities.filters.searchPlaceholder')}
            data-testid="vuln-search"
          />
        </label>
      )}
      <label>
        {t('vulnerabilities.filters.severity')}
        <select name="severity" defaultValue={filters.severity ?? ''} data-testid="vuln-severity">
          <option value="">{t('vulnerabilities.filters.anySeverity')}</option>
          {SEVERITY_FILTERS.map((level) => (
            <option key={level} value={level}>
              {t(`vulnerabilities.severity.${level}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('vulnerabilities.filters.status')}
        <select name="status" defaultValue={filters.status ?? ''} data-testid="vuln-status">
          <option value="">{t('vulnerabilities.filters.anyStatus')}</option>
          {TRIAGE_STATUS_LIST.map((status) => (
            <option key={status} value={status}>
              {t(`vulnerabilities.status.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox">
        <input type="checkbox" name="kev" defaultChecked={filters.kev} data-testid="vuln-kev" />
        {t('vulnerabilities.filters.kev')}
      </label>
      <button type="submit" data-testid="vuln-filter">
        {t('vulnerabilities.filters.apply')}
      </button>
      {filtered && (
        <button
          type="button"
          className="link-button"
          onClick={() => onChange({ view: filters.view, q: '', severity: null, kev: false, status: null })}
        >
          {t('vulnerabilities.filters.clear')}
        </button>
      )}
    </form>
  );
}

function isFiltered(filters: VulnerabilityFilters): boolean {
  return filters.q !== '' || filters.severity !== null || filters.kev || filters.status !== null;
}

function AdvisoryTab({ filters }: { filters: VulnerabilityFilters }) {
  const { t } = useTranslation();
  const pages = useAdvisoryPages(filters);
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <FormError error={pages.error} />
      {pages.isPending && <p role="status">{t('common.loading')}</p>}
      {pages.isSuccess && items.length === 0 && <Empty filters={filters} />}
      {items.length > 0 && <AdvisoryTable items={items} />}
      <MoreButton pages={pages} />
    </>
  );
}

function MatchTab({ filters }: { filters: VulnerabilityFilters }) {
  const { t } = useTranslation();
  const pages = useMatchPages(filters);
  const rows = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const view: Exclude<VulnerabilityView, 'advisories'> = filters.view === 'models' ? 'models' : 'devices';
  return (
    <>
      <FormError error={pages.error} />
      {pages.isPending && <p role="status">{t('common.loading')}</p>}
      {pages.isSuccess && rows.length === 0 && <Empty filters={filters} />}
      {rows.length > 0 && <MatchTable rows={rows} view={view === 'models' ? 'model' : 'device'} />}
      <MoreButton pages={pages} />
    </>
  );
}

function Empty({ filters }: { filters: VulnerabilityFilters }) {
  const { t } = useTranslation();
  return (
    <p className="muted" data-testid="vuln-empty">
      {isFiltered(filters) ? t('vulnerabilities.empty') : t('vulnerabilities.emptyAll')}
    </p>
  );
}

function MoreButton({
  pages,
}: {
  pages: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
}) {
  const { t } = useTranslation();
  if (!pages.hasNextPage) return null;
  return (
    <p>
      <button type="button" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
        {pages.isFetchingNextPage ? t('vulnerabilities.loadingMore') : t('vulnerabilities.more')}
      </button>
    </p>
  );
}
