import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../../core/inventory/device.types';
import { conflictDevice, inventoryApi, useInventoryMutation } from '../../api/inventory-queries';
import { FormError } from '../../components/form-error';
import { formatDateTime } from '../assessments/assessment-model';
import { FIELD_GROUPS, FIELD_KINDS, formatFieldValue, type EditableField } from './device-fields';
import { changesFromDraft, draftFromDevice, type DeviceDraft } from './device-draft';

/**
 * Edits a device's fields, sending only what changed with the version it started from. When
 * someone saved first (409), their version is shown beside mine and I choose: save mine over it,
 * or take theirs.
 */
export function DeviceEditForm({
  device,
  nameOf,
  onDone,
}: {
  device: Device;
  /** A user id as a member's name. */
  nameOf: (userId: string | null) => string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [base, setBase] = useState(device);
  const [draft, setDraft] = useState<DeviceDraft>(() => draftFromDevice(device));
  const save = useInventoryMutation((input: { id: number; body: Parameters<typeof inventoryApi.updateDevice>[1] }) =>
    inventoryApi.updateDevice(input.id, input.body),
  );
  const current = conflictDevice(save.error);
  const changes = changesFromDraft(base, draft);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (Object.keys(changes).length === 0) return onDone();
    save.mutate({ id: device.id, body: { version: base.version, ...changes } }, { onSuccess: onDone });
  };
  const set = (field: EditableField, value: DeviceDraft[EditableField]) => setDraft({ ...draft, [field]: value });

  return (
    <form onSubmit={submit} className="device-edit-form" data-testid="device-edit-form">
      {FIELD_GROUPS.map((group) => (
        <fieldset key={group.key} className="device-fieldset">
          <legend>{t(`inventory.device.groups.${group.key}`)}</legend>
          <div className="device-form-grid">
            {group.fields.map((field) => (
              <FieldInput key={field} field={field} value={draft[field]} onChange={(value) => set(field, value)} />
            ))}
          </div>
        </fieldset>
      ))}
      <fieldset className="device-fieldset">
        <legend>{t('inventory.device.groups.cpes')}</legend>
        <FieldInput field="cpes" value={draft.cpes} onChange={(value) => set('cpes', value)} wide />
      </fieldset>
      {current && (
        <div role="alert" className="conflict-panel" data-testid="device-conflict">
          <p>
            <strong>{t('inventory.device.conflict.title')}</strong>{' '}
            {t('inventory.device.conflict.lead', { version: current.version })}
          </p>
          <table className="data-table compact">
            <thead>
              <tr>
                <th scope="col">{t('inventory.device.conflict.field')}</th>
                <th scope="col">{t('inventory.device.conflict.mine')}</th>
                <th scope="col">{t('inventory.device.conflict.theirs')}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(changes).map(([field, mine]) => (
                <tr key={field}>
                  <th scope="row">{t(`inventory.fields.${field}`)}</th>
                  <td>{formatFieldValue(t, field, mine)}</td>
                  <td>{formatFieldValue(t, field, current[field as EditableField])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">
            {t('inventory.device.updatedBy', {
              when: formatDateTime(current.updatedAt),
              who: nameOf(current.updatedBy),
              version: current.version,
            })}
          </p>
          <div className="actions">
            <button
              type="button"
              onClick={() => {
                setBase(current);
                save.mutate({ id: device.id, body: { version: current.version, ...changes } }, { onSuccess: onDone });
              }}
              data-testid="conflict-save-mine"
            >
              {t('inventory.device.conflict.retry')}
            </button>
            <button
              type="button"
              onClick={() => {
                setBase(current);
                setDraft(draftFromDevice(current));
                save.reset();
              }}
              data-testid="conflict-take-theirs"
            >
              {t('inventory.device.conflict.discard')}
            </button>
          </div>
        </div>
      )}
      {!current && <FormError error={save.error} />}
      <div className="actions">
        <button type="submit" disabled={save.isPending} data-testid="device-save">
          {t('inventory.device.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('inventory.device.cancel')}
        </button>
      </div>
    </form>
  );
}

function FieldInput({
  field,
  value,
  onChange,
  wide = false,
}: {
  field: EditableField;
  value: DeviceDraft[EditableField];
  onChange: (value: DeviceDraft[EditableField]) => void;
  wide?: boolean;
}) {
  const { t } = useTranslation();
  const kind = FIELD_KINDS[field];
  const label = t(`inventory.fields.${field}`);
  switch (kind.type) {
    case 'boolean':
      return (
        <label className="checkbox">
          <input type="checkbox" checked={Boolean(value)} onChange={(event) => onChange(event.currentTarget.checked)} />
          {label}
        </label>
      );
    case 'multi': {
      const chosen = value as readonly string[];
      return (
        <fieldset className="multi-field">
          <legend>{label}</legend>
          {kind.options.map((option) => (
            <label key={option} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(option)}
                onChange={(event) =>
                  onChange(event.currentTarget.checked ? [...chosen, option] : chosen.filter((item) => item !== option))
                }
              />
              {t(`${kind.labels}.${option}`)}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'enum':
      return (
        <label>
          {label}
          <select name={field} value={String(value)} onChange={(event) => onChange(event.currentTarget.value)}>
            {kind.options.map((option) => (
              <option key={option} value={option}>
                {t(`${kind.labels}.${option}`)}
              </option>
            ))}
          </select>
        </label>
      );
    default:
      return (
        <label className={wide ? 'wide' : undefined}>
          {label}
          <input
            name={field}
            type={kind.type === 'date' ? 'date' : kind.type === 'number' ? 'number' : 'text'}
            step={kind.type === 'number' ? 'any' : undefined}
            value={String(value)}
            onChange={(event) => onChange(event.currentTarget.value)}
            required={field === 'assetTag' || field === 'name'}
            aria-describedby={kind.type === 'list' ? `${field}-hint` : undefined}
          />
          {kind.type === 'list' && (
            <span id={`${field}-hint`} className="muted">
              {t('inventory.device.listHint')}
            </span>
          )}
        </label>
      );
  }
}
