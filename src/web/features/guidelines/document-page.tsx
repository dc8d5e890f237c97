import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useGuidelineDocument } from '../../api/guideline-queries';
import { QueryState } from '../../components/query-state';
import { usePageTitle } from '../../components/use-page-title';
import { useLocalized } from '../../i18n/use-localized';

/** One guideline document: summary, structure, its items and the checksheet items linked to each. */
export function DocumentPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { id = '' } = useParams();
  const view = useGuidelineDocument(id);
  usePageTitle(view.data ? localized(view.data.document.title) : undefined);
  // Back to the library as it was filtered, when we came from it.
  const state: unknown = useLocation().state;
  const back =
    typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string'
      ? state.from
      : '/guidelines';
  return (
    <QueryState query={view}>
      {({ document, frameworks }) => (
        <article className="document-page" data-testid="document-page">
          <nav aria-label="breadcrumb" className="muted">
            <Link to={back} data-testid="back-to-library">
              {t('guidelines.back')}
            </Link>
          </nav>
          <h1 data-testid="document-title">{localized(document.title)}</h1>
          <p className="muted">
            {document.title.original} · {localized(document.publisher)} · {document.date}
            {document.url && (
              <>
                {' · '}
                <a href={document.url} rel="noreferrer noopener" target="_blank">
                  {t('guidelines.original')}
                </a>
              </>
            )}
          </p>
          <section aria-labelledby="summary-heading">
            <h2 id="summary-heading">{t('guidelines.summary')}</h2>
            <p>{localized(document.summary)}</p>
            {document.goodFor && (
              <>
                <h3>{t('guidelines.goodFor')}</h3>
                <p>{localized(document.goodFor)}</p>
              </>
            )}
            <dl className="tag-groups">
              <div>
                <dt>{t('guidelines.filter.audience')}</dt>
                <dd>
                  {document.audiences
                    .map((value) => t(`guidelines.audiences.${value}`))
                    .join(t('guidelines.separator'))}
                </dd>
              </div>
              <div>
                <dt>{t('guidelines.filter.industry')}</dt>
                <dd>
                  {document.industries
                    .map((value) => t(`guidelines.industries.${value}`))
                    .join(t('guidelines.separator'))}
                </dd>
              </div>
              <div>
                <dt>{t('guidelines.filter.phase')}</dt>
                <dd>
                  {document.phases.map((value) => t(`guidelines.phases.${value}`)).join(t('guidelines.separator'))}
                </dd>
              </div>
              <div>
                <dt>{t('guidelines.detail')}</dt>
                <dd>{t(`guidelines.details.${document.detail}`)}</dd>
              </div>
            </dl>
          </section>
          {document.structure.length > 0 && (
            <section aria-labelledby="structure-heading">
              <h2 id="structure-heading">{t('guidelines.structure')}</h2>
              <ol>
                {document.structure.map((chapter, index) => (
                  <li key={index}>
                    {localized(chapter.title)}
                    {chapter.pages && (
                      <span className="muted"> ({t('guidelines.pages', { pages: chapter.pages })})</span>
                    )}
                  </li>
                ))}
              </ol>
            </section>
          )}
          {frameworks.map(({ framework, groups }) => (
            <section key={framework.id} aria-label={localized(framework.title)} data-testid="document-framework">
              <h2>
                {t('guidelines.items')}: {localized(framework.title)}
              </h2>
              {framework.reproduction === 'summary' && <p className="muted">{t('guidelines.summaryOnly')}</p>}
              {groups.map((group) => (
                <div key={group.id}>
                  {groups.length > 1 && (
                    <h3>
                      {group.code} {localized(group.title)}
                    </h3>
                  )}
                  <table className="data-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('guidelines.item')}</th>
                        <th scope="col">{t('guidelines.status')}</th>
                        <th scope="col">{t('guidelines.checksheetLinks')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {group.items.map((item) => (
                        <tr key={item.id} id={item.code} data-testid="guideline-item">
                          <td>
                            <strong>{item.code}</strong> {localized(item.title)}
                            {item.text && <p className="muted">{localized(item.text)}</p>}
                            {item.condition && (
                              <p className="muted">
                                {t('guidelines.condition', { condition: localized(item.condition) })}
                              </p>
                            )}
                            {item.unconfirmed && (
                              <p className="notice">{item.note ? localized(item.note) : t('guidelines.unconfirmed')}</p>
                            )}
                          </td>
                          <td>{item.status ? t(`guidelines.itemStatuses.${item.status}`) : '—'}</td>
                          <td>
                            {item.links.length > 0 ? (
                              <ul className="link-list">
                                {item.links.map((link) => (
                                  <li key={link.id}>
                                    <Link to={`/checksheet/items/${link.code}`} data-testid="checksheet-link">
                                      {t('guidelines.checksheetItem', { code: link.code })} {localized(link.title)}
                                    </Link>{' '}
                                    <span className="tag">{t(`relationships.${link.relationship}`)}</span>
                                    <span className="muted"> {localized(link.rationale)}</span>
                                  </li>
                                ))}
                              </ul>
                            ) : item.notCoveredReason ? (
                              <span className="muted">
                                {t('guidelines.notCovered')}: {localized(item.notCoveredReason)}
                              </span>
                            ) : (
                              <span className="muted">{t('guidelines.noLinks')}</span>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ))}
            </section>
          ))}
        </article>
      )}
    </QueryState>
  );
}
