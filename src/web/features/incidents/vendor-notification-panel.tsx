import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error';
import { QueryState } from '../../components/query-state';
import { mailtoHref } from './incident-model';
import type { IncidentDetail, VendorNotification } from './incident-types';
import { incidentApi, useIncidentMutation, useVendorNotifications } from './incidents-api';

/**
 * One pre-filled message per manufacturer of the affected devices, rendered by the server in the
 * chosen language: copy it, open it as an e-mail, and record it as sent (a notification entry in
 * the timeline keeps the text's hash).
 */
export function VendorNotificationPanel({ incident, canManage }: { incident: IncidentDetail; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<'ja' | 'en'>(i18n.language === 'en' ? 'en' : 'ja');
  const notifications = useVendorNotifications(incident.id, language);
  return (
    <section className="card vendor-panel" aria-labelledby="vendor-heading" data-testid="vendor-panel">
      <div className="section-title">
        <h2 id="vendor-heading">{t('incidents.vendor.title')}</h2>
        <label className="inline-label">
          {t('incidents.vendor.language')}
          <select
            value={language}
            onChange={(event) => setLanguage(event.target.value as 'ja' | 'en')}
            data-testid="vendor-language"
          >
            <option value="ja">{t('language.ja')}</option>
            <option value="en">{t('language.en')}</option>
          </select>
        </label>
      </div>
      <p className="muted">{t('incidents.vendor.lead')}</p>
      <QueryState query={notifications}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t('incidents.vendor.empty')}</p>
          ) : (
            <ul className="vendor-messages">
              {list.map((notification) => (
                <VendorMessage
                  key={notification.manufacturer}
                  incidentId={incident.id}
                  notification={notification}
                  canManage={canManage}
                />
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}

function VendorMessage({
  incidentId,
  notification,
  canManage,
}: {
  incidentId: string;
  notification: VendorNotification;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const [copyError, setCopyError] = useState<unknown>();
  const [sent, setSent] = useState(false);
  const record = useIncidentMutation(() =>
    incidentApi.recordNotification(incidentId, {
      kind: 'vendor',
      manufacturer: notification.manufacturer,
      subject: notification.subject,
      body: notification.body,
    }),
  );
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(`${notification.subject}\n\n${notification.body}`);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    } catch (error) {
      setCopyError(error);
    }
  };
  return (
    <li className="vendor-message" data-testid="vendor-message" data-manufacturer={notification.manufacturer}>
      <h3>{notification.manufacturer}</h3>
      <dl className="vendor-head">
        <dt>{t('incidents.vendor.to')}</dt>
        <dd>{notification.recipient || <span className="muted">{t('incidents.vendor.noRecipient')}</span>}</dd>
        <dt>{t('incidents.vendor.subject')}</dt>
        <dd data-testid="vendor-subject">{notification.subject}</dd>
      </dl>
      <pre className="vendor-body" data-testid="vendor-body">
        {notification.body}
      </pre>
      <div className="form-buttons">
        <button type="button" onClick={() => void copy()} data-testid="vendor-copy">
          {copied ? t('incidents.vendor.copied') : t('incidents.vendor.copy')}
        </button>
        <a
          className="button-link"
          href={mailtoHref(notification.recipient, notification.subject, notification.body)}
          data-testid="vendor-mailto"
        >
          {t('incidents.vendor.mail')}
        </a>
        {canManage && (
          <button
            type="button"
            disabled={record.isPending || sent}
            onClick={() => record.mutate(undefined, { onSuccess: () => setSent(true) })}
            data-testid="vendor-mark-sent"
          >
            {sent ? t('incidents.vendor.sent') : t('incidents.vendor.markSent')}
          </button>
        )}
      </div>
      <FormError error={record.error ?? copyError} />
    </li>
  );
}
