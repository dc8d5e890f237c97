import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LatestFirmwareView } from '../../../contracts/vulnerabilities/firmware.schema';
import { usePermissions } from '../../api/permissions';
import { FieldError, fieldErrorId } from '../../components/field-error';
import { FormError } from '../../components/form-error';
import { usePageTitle } from '../../components/use-page-title';
import { formatDateTime } from '../assessments/assessment-model';
import { useLatestFirmware, useSetLatestFirmware } from './firmware-api';

const FIELDS = ['manufacturer', 'model', 'version', 'releasedOn', 'source'] as const;
type Draft = Record<(typeof FIELDS)[number], string>;
const EMPTY: Draft = { manufacturer: '', model: '', version: '', releasedOn: '', source: '' };

/**
 * /vulnerabilities/firmware: the latest known firmware per manufacturer and model, which each
 * device's firmware is compared with (item 40; the device page shows "behind"). Members who
 * triage record or update a model's latest version; the names must be written as the devices
 * carry them.
 */
export function LatestFirmwarePage() {
  const { t } = useTranslation();
  usePageTitle(t('vulnerabilities.firmware.title'));
  const permissions = usePermissions();
  const records = useLatestFirmware();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const save = useSetLatestFirmware();

  const edit = (record: LatestFirmwareView) => {
    save.reset();
    setDraft({
      manufacturer: record.manufacturer,
      model: record.model,
      version: record.version,
      releasedOn: record.releasedOn ?? '',
      source: record.source,
    });
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(
      {
        manufacturer: draft.manufacturer,
        model: draft.model,
        version: draft.version,
        ...(draft.releasedOn ? { releasedOn: draft.releasedOn } : {}),
        ...(draft.source ? { source: draft.source } : {}),
      },
      { onSuccess: () => setDraft(EMPTY) },
    );
  };

  if (permissions.isLoading) return null;
  if (!permissions.can('vulnerabilities.read')) return <p role="alert">{t('errors.FORBIDDEN')}</p>;
  const items = records.data?.items ?? [];
  return (
    <div className="latest-firmware-page">
      <p>
        <Link to="/vulnerabilities">← {t('vulnerabilities.advisory.back')}</Link>
      </p>
      <h1>{t('vulnerabilities.firmware.title')}</h1>
      <p className="muted">{t('vulnerabilities.firmware.lead')}</p>
      {permissions.can('vulnerabilities.triage') && (
        <section className="panel" aria-labelledby="firmware-form-heading">
          <h2 id="firmware-form-heading">{t('vulnerabilities.firmware.formTitle')}</h2>
          <form onSubmit={submit} data-testid="firmware-form">
            <div className="inline-form">
              {FIELDS.map((field) => (
                <label key={field}>
                  {t(`vulnerabilities.firmware.fields.${field}`)}
                  <input
                    id={`firmware-${field}`}
                    aria-describedby={fieldErrorId(`firmware-${field}`)}
                    type={field === 'releasedOn' ? 'date' : 'text'}
                    value={draft[field]}
                    maxLength={field === 'source' ? 500 : field === 'version' ? 100 : 200}
                    required={field === 'model' || field === 'version' || field === 'manufacturer'}
                    onChange={(event) => {
                      const value = event.currentTarget.value;
                      setDraft((current) => ({ ...current, [field]: value }));
                    }}
                    data-testid={`firmware-${field}`}
                  />
                  <FieldError error={save.error} field={field} id={`firmware-${field}`} />
                </label>
              ))}
              <button type="submit" className="primary" disabled={save.isPending} data-testid="firmware-save">
                {t('vulnerabilities.firmware.save')}
              </button>
            </div>
            <FormError error={save.error} shownAtFields={FIELDS} />
            {save.isSuccess && (
              <p role="status" data-testid="firmware-saved">
                {t('vulnerabilities.firmware.saved', {
                  model: `${save.data.manufacturer} ${save.data.model}`,
                  version: save.data.version,
                })}
              </p>
            )}
          </form>
        </section>
      )}
      <section className="panel" aria-labelledby="firmware-list-heading">
        <h2 id="firmware-list-heading">{t('vulnerabilities.firmware.listTitle')}</h2>
        <FormError error={records.error} />
        {records.isPending && <p role="status">{t('common.loading')}</p>}
        {records.data && items.length === 0 && <p className="muted">{t('vulnerabilities.firmware.empty')}</p>}
        {items.length > 0 && (
          <table className="data-table compact" data-testid="firmware-table">
            <thead>
              <tr>
                {FIELDS.map((field) => (
                  <th key={field} scope="col">
                    {t(`vulnerabilities.firmware.columns.${field}`)}
                  </th>
                ))}
                <th scope="col">{t('vulnerabilities.firmware.updated')}</th>
                {permissions.can('vulnerabilities.triage') && (
                  <th scope="col">
                    <span className="visually-hidden">{t('vulnerabilities.firmware.edit')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {items.map((record) => (
                <tr key={`${record.manufacturer}\u0000${record.model}`} data-testid="firmware-row">
                  <td>{record.manufacturer}</td>
                  <td>{record.model}</td>
                  <td className="code">{record.version}</td>
                  <td>{record.releasedOn ?? '—'}</td>
                  <td>
                    <SourceText source={record.source} />
                  </td>
                  <td>
                    {formatDateTime(record.updatedAt)} <span className="muted">{record.updatedBy}</span>
                  </td>
                  {permissions.can('vulnerabilities.triage') && (
                    <td>
                      <button type="button" onClick={() => edit(record)}>
                        {t('vulnerabilities.firmware.edit')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

/** A source that is a web address opens in a new tab; anything else is shown as written. */
function SourceText({ source }: { source: string }) {
  if (!source) return <>—</>;
  if (/^https?:\/\//i.test(source))
    return (
      <a href={source} target="_blank" rel="noopener noreferrer" className="code">
        {source}
      </a>
    );
  return <>{source}</>;
}
