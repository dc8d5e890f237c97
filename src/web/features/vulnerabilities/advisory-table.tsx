import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AdvisoryListItemView } from '../../../contracts/vulnerabilities/advisory.schema';
import { KevBadge, SeverityBadge } from './vulnerability-badges';
import { TitleBesideId } from './title-beside-id';

/** Advisories that match something in the organisation, with how many models and devices (open) they affect. */
export function AdvisoryTable({ items }: { items: readonly AdvisoryListItemView[] }) {
  const { t } = useTranslation();
  return (
    <table className="data-table compact advisory-table" data-testid="advisory-table">
      <thead>
        <tr>
          <th scope="col">{t('vulnerabilities.columns.advisory')}</th>
          <th scope="col">{t('vulnerabilities.columns.severity')}</th>
          <th scope="col">{t('vulnerabilities.columns.cves')}</th>
          <th scope="col">{t('vulnerabilities.columns.published')}</th>
          <th scope="col" className="number">
            {t('vulnerabilities.columns.affectedModels')}
          </th>
          <th scope="col" className="number">
            {t('vulnerabilities.columns.affectedDevices')}
          </th>
          <th scope="col" className="number">
            {t('vulnerabilities.columns.openDevices')}
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} data-testid="advisory-row" data-tracking-id={item.trackingId}>
            <td className="advisory-cell">
              <Link to={`/vulnerabilities/advisories/${encodeURIComponent(item.id)}`} className="code">
                {item.trackingId}
              </Link>
              <TitleBesideId
                trackingId={item.trackingId}
                title={item.title}
                language={item.language}
                className="advisory-title"
              />
            </td>
            <td>
              <SeverityBadge severity={item.severity} />
              <KevBadge kev={item.kev} />
            </td>
            <td className="cve-list">{item.cves.length > 0 ? item.cves.join(', ') : '—'}</td>
            <td>{item.published?.slice(0, 10) ?? '—'}</td>
            <td className="number">{item.affectedModels}</td>
            <td className="number">{item.affectedDevices}</td>
            <td className={item.openDevices > 0 ? 'number concern' : 'number'} data-testid="open-devices">
              {item.openDevices}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
