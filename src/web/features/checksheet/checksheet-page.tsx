import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFrameworkTree } from '../../api/catalog-queries';
import { QueryState } from '../../components/query-state';
import { useLocalized } from '../../i18n/use-localized';
import { ChecksheetSearch } from './checksheet-search';
import { CHECKSHEET_ID, circled, itemLabel } from './checksheet-types';
import { usePageTitle } from '../../components/use-page-title';

/** The checksheet: functions → categories → items with their check points, and a search box. */
export function ChecksheetPage() {
  const { t } = useTranslation();
  usePageTitle(t('checksheet.title'));
  const localized = useLocalized();
  const tree = useFrameworkTree(CHECKSHEET_ID);
  return (
    <div className="checksheet">
      <header className="page-header">
        <h1>{t('checksheet.title')}</h1>
        <Link to="/checksheet/print">{t('checksheet.print')}</Link>
      </header>
      <p className="muted">{t('checksheet.source')}</p>
      <ChecksheetSearch />
      <QueryState query={tree}>
        {(data) =>
          data.functions.map((fn) => (
            <section key={fn.id} className="function-block" aria-labelledby={`fn-${fn.code}`}>
              <h2 id={`fn-${fn.code}`}>
                {localized(fn.title)} <span className="code">({fn.code})</span>
              </h2>
              {fn.children.map((category) => (
                <section key={category.id} id={category.code} className="category-block">
                  <h3>
                    {localized(category.title)} <span className="code">({category.code})</span>
                  </h3>
                  <ul className="item-list">
                    {category.children.map((item) => (
                      <li key={item.id} className="item-row">
                        <Link to={`/checksheet/items/${item.code}`} className="item-title">
                          <span className="item-number">{itemLabel(item.code)}</span> {localized(item.title)}
                        </Link>
                        <ul className="check-list compact">
                          {item.children.map((check, index) => (
                            <li key={check.id}>
                              <span aria-hidden="true">{circled(index)}</span> {localized(check.title)}
                            </li>
                          ))}
                        </ul>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </section>
          ))
        }
      </QueryState>
    </div>
  );
}
