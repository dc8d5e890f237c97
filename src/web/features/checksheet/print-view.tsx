import { useTranslation } from 'react-i18next';
import { useFrameworkTree } from '../../api/catalog-queries';
import { QueryState } from '../../components/query-state';
import { useLocalized } from '../../i18n/use-localized';
import { CHECKSHEET_ID, circled, itemLabel } from './checksheet-types';
import { usePageTitle } from '../../components/use-page-title';

/**
 * The sheet as printed: a heading row per function, then category, No., item, check points and an
 * empty answer column, one row per item, A3 landscape (see @page in styles.css).
 */
export function PrintView() {
  const { t } = useTranslation();
  usePageTitle(t('checksheet.printHeading'));
  const localized = useLocalized();
  const tree = useFrameworkTree(CHECKSHEET_ID);
  return (
    <div className="print-view">
      <div className="no-print">
        <button type="button" onClick={() => window.print()}>
          {t('checksheet.print')}
        </button>
      </div>
      <h1>{t('checksheet.printHeading')}</h1>
      <QueryState query={tree}>
        {(data) => (
          <table className="print-table" data-testid="print-table">
            <thead>
              <tr>
                <th scope="col">{t('checksheet.columns.category')}</th>
                <th scope="col">{t('checksheet.columns.number')}</th>
                <th scope="col">{t('checksheet.columns.item')}</th>
                <th scope="col">{t('checksheet.columns.checks')}</th>
                <th scope="col" className="answer">
                  {t('checksheet.columns.answer')}
                </th>
              </tr>
            </thead>
            {data.functions.map((fn) => (
              <tbody key={fn.id}>
                <tr className="function-row">
                  <th scope="rowgroup" colSpan={5}>
                    {localized(fn.title)} ({fn.code})
                  </th>
                </tr>
                {fn.children.flatMap((category) =>
                  category.children.map((item, itemIndex) => (
                    <tr key={item.id}>
                      {itemIndex === 0 && (
                        <td rowSpan={category.children.length}>
                          {localized(category.title)} ({category.code})
                        </td>
                      )}
                      <td className="number">{itemLabel(item.code)}</td>
                      <td>{localized(item.title)}</td>
                      <td>
                        {item.children.map((check, checkIndex) => (
                          <div key={check.id}>
                            {circled(checkIndex)} {localized(check.title)}
                          </div>
                        ))}
                      </td>
                      <td className="answer" />
                    </tr>
                  )),
                )}
              </tbody>
            ))}
          </table>
        )}
      </QueryState>
      <p className="source">{t('checksheet.source')}</p>
    </div>
  );
}
