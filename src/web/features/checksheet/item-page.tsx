import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFrameworkTree } from '../../api/catalog-queries';
import { QueryState } from '../../components/query-state';
import { usePageTitle } from '../../components/use-page-title';
import { useLocalized } from '../../i18n/use-localized';
import { OtherGuidelinesPanel } from '../guidelines/other-guidelines-panel';
import { PendingLessonsPanel } from '../incidents/pending-lessons-panel';
import { CHECKSHEET_ID, circled, flattenItems, itemLabel, type TreeItem } from './checksheet-types';

const TAG_GROUPS = ['scope', 'phase', 'roles', 'verifiable'] as const;

/** One checksheet item: check points, our explanation, tags and the CSF 2.0 mapping. */
export function ItemPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { number = '' } = useParams();
  const tree = useFrameworkTree(CHECKSHEET_ID);
  const shown = tree.data ? flattenItems(tree.data.functions).find(({ item }) => item.code === number) : undefined;
  usePageTitle(shown ? `${itemLabel(shown.item.code)} ${localized(shown.item.title)}` : t('checksheet.title'));
  return (
    <QueryState query={tree}>
      {(data) => {
        const found = flattenItems(data.functions).find(({ item }) => item.code === number);
        if (!found) return <p role="alert">{t('checksheet.itemNotFound', { number })}</p>;
        const { fn, category, item } = found;
        return (
          <article className="item-page" data-testid="item-page">
            <nav aria-label="breadcrumb" className="muted">
              <Link to="/checksheet">{t('checksheet.back')}</Link> · {localized(fn.title)} ({fn.code}) ›{' '}
              {localized(category.title)} ({category.code})
            </nav>
            <h1>
              <span className="item-number">{itemLabel(item.code)}</span> {localized(item.title)}
            </h1>
            <section aria-labelledby="checks-heading">
              <h2 id="checks-heading">{t('checksheet.checks')}</h2>
              <ol className="check-list" data-testid="check-list">
                {item.children.map((check, index) => (
                  <li key={check.id} data-testid="check-point">
                    <span aria-hidden="true">{circled(index)}</span> {localized(check.title)}
                  </li>
                ))}
              </ol>
            </section>
            {item.explanation && (
              <section aria-labelledby="explanation-heading">
                <h2 id="explanation-heading">{t('checksheet.explanation')}</h2>
                <h3>{t('checksheet.why')}</h3>
                <p>{localized(item.explanation.why)}</p>
                <h3>{t('checksheet.consider')}</h3>
                <p>{localized(item.explanation.consider)}</p>
                {item.explanation.note && (
                  <>
                    <h3>{t('checksheet.note')}</h3>
                    <p>{localized(item.explanation.note)}</p>
                  </>
                )}
              </section>
            )}
            <PendingLessonsPanel itemId={item.id} />
            <ItemTags item={item} />
            <section aria-labelledby="csf20-heading">
              <h2 id="csf20-heading">{t('checksheet.csf20')}</h2>
              {item.csf20 && item.csf20.length > 0 ? (
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">CSF 2.0</th>
                      <th scope="col">{t('checksheet.relationship')}</th>
                      <th scope="col">{t('checksheet.rationale')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {item.csf20.map((link) => (
                      <tr key={link.id}>
                        <td>
                          <strong>{link.code}</strong> {localized(link.title)}
                        </td>
                        <td>{t(`relationships.${link.relationship}`)}</td>
                        <td>{localized(link.rationale)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p>{t('checksheet.csf20Empty')}</p>
              )}
            </section>
            <OtherGuidelinesPanel nodeId={item.id} />
            <p className="muted">{t('checksheet.source')}</p>
          </article>
        );
      }}
    </QueryState>
  );
}

function ItemTags({ item }: { item: TreeItem }) {
  const { t } = useTranslation();
  if (!item.tags) return null;
  const tags = item.tags;
  return (
    <section aria-labelledby="tags-heading">
      <h2 id="tags-heading">{t('checksheet.tags')}</h2>
      <dl className="tag-groups">
        {TAG_GROUPS.filter((group) => tags[group].length > 0).map((group) => (
          <div key={group}>
            <dt>{t(`tagGroups.${group}`)}</dt>
            <dd>
              {tags[group].map((value) => (
                <span key={value} className="tag">
                  {t(`tagValues.${value}`)}
                </span>
              ))}
            </dd>
          </div>
        ))}
      </dl>
      {tags.providerQuestion && <p className="tag provider">{t('checksheet.providerQuestion')}</p>}
    </section>
  );
}
