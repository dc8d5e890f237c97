import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { usePageTitle } from '../../components/use-page-title';
import { useGuidelineDocuments } from '../../api/guideline-queries';
import { QueryState } from '../../components/query-state';
import { useLocalized } from '../../i18n/use-localized';
import {
  AUDIENCE_VALUES,
  filterDocuments,
  INDUSTRY_VALUES,
  PHASE_VALUES,
  type GuidelineFilter,
} from './guideline-filters';

const FACETS = ['audience', 'industry', 'phase', 'publisher', 'query'] as const;
const VALUE_KEYS = { audience: 'audiences', industry: 'industries', phase: 'phases' } as const;

/** The guideline library: every document, filtered by audience, industry, phase and publisher, searched in ja and en. */
export function GuidelinesPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const documents = useGuidelineDocuments();
  usePageTitle(t('guidelines.title'));
  // Filters live in the URL, so "back" from a document returns to the same list.
  const [params, setParams] = useSearchParams();
  const filter: GuidelineFilter = Object.fromEntries(
    FACETS.map((facet) => [facet, params.get(facet) ?? '']),
  ) as unknown as GuidelineFilter;
  const set = (facet: (typeof FACETS)[number], value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(facet, value);
        else next.delete(facet);
        return next;
      },
      { replace: true },
    );

  return (
    <section className="guidelines-page" data-testid="guidelines-page">
      <h1>{t('guidelines.title')}</h1>
      <p className="muted">{t('guidelines.lead')}</p>
      <QueryState query={documents}>
        {(data) => (
          <Library
            documents={data.documents}
            filter={filter}
            set={set}
            publishers={[
              ...new Map(data.documents.map((document) => [document.publisher.en, document.publisher])).values(),
            ]}
            localized={localized}
          />
        )}
      </QueryState>
    </section>
  );
}

function Library({
  documents,
  filter,
  set,
  publishers,
  localized,
}: {
  documents: Parameters<typeof filterDocuments>[0];
  filter: GuidelineFilter;
  set: (facet: (typeof FACETS)[number], value: string) => void;
  publishers: { ja: string; en: string }[];
  localized: ReturnType<typeof useLocalized>;
}) {
  const { t } = useTranslation();
  const shown = useMemo(() => filterDocuments(documents, filter), [documents, filter]);
  // The document page links back to this list with the same filters.
  const from = `/guidelines${useLocation().search}`;
  const facet = (name: 'audience' | 'industry' | 'phase', values: readonly string[]) => (
    <label>
      {t(`guidelines.filter.${name}`)}
      <select value={filter[name]} onChange={(event) => set(name, event.target.value)} data-testid={`filter-${name}`}>
        <option value="">{t('guidelines.filter.any')}</option>
        {values.map((value) => (
          <option key={value} value={value}>
            {t(`guidelines.${VALUE_KEYS[name]}.${value}`)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <>
      <form className="toolbar guideline-filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('guidelines.filter.search')}
          <input
            type="search"
            value={filter.query}
            placeholder={t('guidelines.filter.searchPlaceholder')}
            onChange={(event) => set('query', event.target.value)}
            data-testid="guideline-search"
          />
        </label>
        {facet('audience', AUDIENCE_VALUES)}
        {facet('industry', INDUSTRY_VALUES)}
        {facet('phase', PHASE_VALUES)}
        <label>
          {t('guidelines.filter.publisher')}
          <select
            value={filter.publisher}
            onChange={(event) => set('publisher', event.target.value)}
            data-testid="filter-publisher"
          >
            <option value="">{t('guidelines.filter.any')}</option>
            {publishers.map((publisher) => (
              <option key={publisher.en} value={publisher.en}>
                {localized(publisher)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <p role="status" data-testid="guideline-count">
        {t('guidelines.count', { count: shown.length, total: documents.length })}
      </p>
      <ul className="guideline-list">
        {shown.map((document) => (
          <li key={document.id} data-testid="guideline-card">
            <h2>
              <Link to={`/guidelines/${document.id}`} state={{ from }}>
                {localized(document.title)}
              </Link>
            </h2>
            <p className="muted">
              {localized(document.publisher)} · {document.date} · {t(`guidelines.types.${document.type}`)}
              {document.inHandbook ? '' : ` · ${t('guidelines.notInHandbook')}`}
            </p>
            <p>{localized(document.summary)}</p>
            <p className="tags">
              {document.audiences.map((value) => (
                <span key={value} className="tag">
                  {t(`guidelines.audiences.${value}`)}
                </span>
              ))}
              {document.industries.map((value) => (
                <span key={value} className="tag industry">
                  {t(`guidelines.industries.${value}`)}
                </span>
              ))}
            </p>
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p>{t('guidelines.none')}</p>}
    </>
  );
}
