import { useTranslation } from 'react-i18next';
import type { ProviderView } from '../../../contracts/inventory/provider.schema';

/** One provider in a line or two: name, kind, support end, disclosure contact, certifications. */
export function ProviderSummary({
  provider,
  today = new Date().toISOString().slice(0, 10),
}: {
  provider: ProviderView;
  today?: string;
}) {
  const { t } = useTranslation();
  const until = provider.supportWindow.until;
  return (
    <div className="provider-summary" data-testid="provider-summary">
      <strong>{provider.name}</strong> <span className="badge">{t(`providers.kinds.${provider.kind}`)}</span>{' '}
      {until ? (
        <span className={until < today ? 'badge overdue-badge' : 'muted'}>
          {until < today ? `${t('providers.supportEnded')} ${until}` : `${t('providers.supportUntil')} ${until}`}
        </span>
      ) : (
        <span className="muted">{t('providers.noSupportDate')}</span>
      )}
      {provider.disclosureContact && (
        <div className="muted">
          {t('providers.labelValue', { label: t('providers.disclosureContact'), value: provider.disclosureContact })}
        </div>
      )}
      {provider.certifications.length > 0 && (
        <div>
          {provider.certifications.map((certification, index) => (
            <span key={index} className="badge certification">
              {[certification.scheme, certification.level, certification.registrationNumber].filter(Boolean).join(' ')}
              {certification.validUntil ? ` (〜${certification.validUntil})` : ''}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}
