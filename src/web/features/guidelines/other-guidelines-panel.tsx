import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCatalogNode, useFrameworks } from '../../api/guideline-queries';
import { useLocalized } from '../../i18n/use-localized';

/** "What other guidelines say": the guideline items linked to a checksheet item, grouped by framework. */
export function OtherGuidelinesPanel({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const node = useCatalogNode(nodeId);
  const frameworks = useFrameworks();
  if (!node.data || !frameworks.data) return null;
  const guidelines = new Map(
    frameworks.data.frameworks
      .filter((framework) => framework.kind === 'guideline')
      .map((framework) => [framework.id, framework]),
  );
  const links = node.data.crosswalks.outgoing.filter((link) => guidelines.has(link.frameworkId));
  const byFramework = [...guidelines.values()]
    .map((framework) => ({ framework, links: links.filter((link) => link.frameworkId === framework.id) }))
    .filter((entry) => entry.links.length > 0);
  return (
    <section aria-labelledby="other-guidelines-heading" data-testid="other-guidelines">
      <h2 id="other-guidelines-heading">{t('guidelines.panel.title')}</h2>
      {byFramework.length === 0 ? (
        <p>{t('guidelines.panel.none')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('guidelines.panel.guideline')}</th>
              <th scope="col">{t('checksheet.relationship')}</th>
              <th scope="col">{t('checksheet.rationale')}</th>
            </tr>
          </thead>
          <tbody>
            {byFramework.flatMap(({ framework, links: frameworkLinks }) =>
              frameworkLinks.map((link) => (
                <tr key={link.id} data-testid="other-guideline-link">
                  <td>
                    <span className="muted">{localized(framework.title)}</span>
                    <br />
                    {framework.document ? (
                      <Link to={`/guidelines/${framework.document}#${encodeURIComponent(link.code)}`}>
                        <strong>{link.code}</strong> {localized(link.title)}
                      </Link>
                    ) : (
                      <>
                        <strong>{link.code}</strong> {localized(link.title)}
                      </>
                    )}
                  </td>
                  <td className="nowrap">{t(`relationships.${link.relationship}`)}</td>
                  <td>{localized(link.rationale)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
