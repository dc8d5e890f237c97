import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useDeviceHistory, type FieldChange } from '../../api/inventory-queries';
import { QueryState } from '../../components/query-state';
import { formatDateTime } from '../assessments/assessment-model';
import { fieldLabel, formatFieldValue } from './device-fields';

/** A change that shows the same text on both sides (a new device's empty fields): not worth a line. */
function isEmptyChange(t: TFunction, change: FieldChange): boolean {
  return formatFieldValue(t, change.field, change.before) === formatFieldValue(t, change.field, change.after);
}

/** Who changed the device when, field by field (before → after); imports name their import. */
export function DeviceHistory({ deviceId }: { deviceId: string }) {
  const { t, i18n } = useTranslation();
  const history = useDeviceHistory(deviceId);
  const actionLabel = (action: string) =>
    i18n.exists(`inventory.history.actions.${action}`) ? t(`inventory.history.actions.${action}`) : action;
  return (
    <section className="device-section" aria-labelledby="device-history-title" data-testid="device-history">
      <h2 id="device-history-title">{t('inventory.history.title')}</h2>
      <QueryState query={history}>
        {({ entries }) =>
          entries.length === 0 ? (
            <p className="muted">{t('inventory.history.empty')}</p>
          ) : (
            <table className="data-table compact history-table">
              <thead>
                <tr>
                  <th scope="col">{t('inventory.history.at')}</th>
                  <th scope="col">{t('inventory.history.by')}</th>
                  <th scope="col">{t('inventory.history.action')}</th>
                  <th scope="col">{t('inventory.history.changes')}</th>
                </tr>
              </thead>
              <tbody>
                {[...entries]
                  .sort((a, b) => b.at.localeCompare(a.at))
                  .map((entry, index) => (
                    <tr key={`${entry.at}-${index}`} data-testid="history-entry" data-action={entry.action}>
                      <td className="nowrap">{formatDateTime(entry.at)}</td>
                      <td>{entry.by ?? t('inventory.history.unknownUser')}</td>
                      <td>
                        {actionLabel(entry.action)}
                        {entry.importId && (
                          <span className="muted block">{t('inventory.history.byImport', { id: entry.importId })}</span>
                        )}
                      </td>
                      <td>
                        <ul className="change-list">
                          {entry.changes
                            .filter((change) => !isEmptyChange(t, change))
                            .map((change) => (
                              <li key={change.field} data-testid="history-change" data-field={change.field}>
                                <span className="change-field">
                                  {fieldLabel(t, change.field, (key) => i18n.exists(key))}
                                </span>
                                <del>{formatFieldValue(t, change.field, change.before)}</del>
                                {' → '}
                                <ins>{formatFieldValue(t, change.field, change.after)}</ins>
                              </li>
                            ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </section>
  );
}
