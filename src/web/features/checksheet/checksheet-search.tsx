import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCatalogSearch } from '../../api/catalog-queries';
import { QueryState } from '../../components/query-state';
import { useLocalized } from '../../i18n/use-localized';
import { CHECKSHEET_ID, itemLabel } from './checksheet-types';
import { HighlightedSnippet } from './highlighted-snippet';

/** Search box over the checksheet; results link to item pages. The query lives in the URL (?q=), so it survives Back. */
export function ChecksheetSearch() {
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const [draft, setDraft] = useState(query);
  const search = useCatalogSearch(query, CHECKSHEET_ID, i18n.language);
  const setQuery = (next: string) => setParams(next.trim() ? { q: next } : {});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery(draft);
  };
  return (
    <section className="checksheet-search" aria-labelledby="checksheet-search-label">
      <form role="search" onSubmit={submit}>
        <label id="checksheet-search-label" htmlFor="checksheet-search-input">
          {t('checksheet.searchLabel')}
        </label>
        <div className="search-row">
          <input
            id="checksheet-search-input"
            type="search"
            value={draft}
            placeholder={t('checksheet.searchPlaceholder')}
            onChange={(event) => setDraft(event.target.value)}
            maxLength={200}
          />
          <button type="submit">{t('checksheet.searchButton')}</button>
          {query && (
            <button type="button" onClick={() => (setDraft(''), setQuery(''))}>
              {t('checksheet.clearSearch')}
            </button>
          )}
        </div>
      </form>
      {query.trim() && (
        <QueryState query={search}>
          {(data) => (
            <div aria-live="polite">
              <p>
                {data.results.length > 0
                  ? t('checksheet.resultsCount', { count: data.results.length })
                  : t('checksheet.noResults')}
              </p>
              <ul className="search-results" data-testid="search-results">
                {data.results.map((result) => (
                  <li key={result.id}>
                    {result.kind === 'item' ? (
                      <Link to={`/checksheet/items/${result.code}`} data-testid={`search-result-${result.code}`}>
                        <span className="item-number">{itemLabel(result.code)}</span> {localized(result.title)}
                      </Link>
                    ) : (
                      <a href={`#${result.code}`}>
                        <span className="item-number">{result.code}</span> {localized(result.title)}
                      </a>
                    )}
                    <span className="muted"> · {result.path.join(' › ')}</span>
                    {result.snippet && (
                      <div className="muted">
                        <HighlightedSnippet snippet={result.snippet} />
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </QueryState>
      )}
    </section>
  );
}
