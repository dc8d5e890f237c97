import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { inventoryApi, useInventoryMutation, type BulkSelection, type BulkSet } from '../../api/inventory-queries';
import { FormError } from '../../components/form-error';
import { CRITICALITY_OPTIONS, DEVICE_STATUS_OPTIONS } from './device-options';

const TEXT_FIELDS = ['site', 'building', 'floor', 'room', 'owner', 'maintainer', 'networkZone'] as const;

/** The `set` of a bulk edit from the form: only what was filled in (blank means "keep"). */
export function bulkSetFromForm(form: FormData): BulkSet {
  const set: BulkSet = {};
  for (const field of TEXT_FIELDS) {
    const value = String(form.get(field) ?? '').trim();
    if (value) set[field] = value;
  }
  const status = String(form.get('status') ?? '');
  if (status) set.status = status;
  const criticality = String(form.get('criticality') ?? '');
  if (criticality) set.criticality = criticality;
  const tags = String(form.get('tags') ?? '').trim();
  if (tags) set.tags = tags.split(/[\s;]+/u).filter(Boolean);
  return set;
}

/**
 * A modal form that sets the filled-in fields on every selected device in one call (one
 * transaction on the server); `count` is how many devices that is, when known.
 */
export function BulkEditDialog({
  selection,
  count,
  onClose,
  onDone,
}: {
  selection: BulkSelection;
  count: number | undefined;
  onClose: () => void;
  onDone: (updated: number) => void;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [empty, setEmpty] = useState(false);
  const apply = useInventoryMutation(inventoryApi.bulkEdit);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const set = bulkSetFromForm(new FormData(event.currentTarget));
    setEmpty(Object.keys(set).length === 0);
    if (Object.keys(set).length === 0) return;
    apply.mutate({ selection, set }, { onSuccess: (result) => onDone(result.updated) });
  };

  return (
    <dialog
      ref={dialog}
      className="bulk-dialog"
      aria-labelledby="bulk-title"
      onClose={onClose}
      onCancel={onClose}
      data-testid="bulk-dialog"
    >
      <form onSubmit={submit} className="bulk-form">
        <h2 id="bulk-title">{t('inventory.bulk.title')}</h2>
        <p className="muted">{t('inventory.bulk.lead')}</p>
        <p data-testid="bulk-target">
          <strong>
            {'ids' in selection || count !== undefined
              ? t('inventory.bulk.target', { count: count ?? 0 })
              : t('inventory.bulk.targetAll')}
          </strong>
        </p>
        <div className="bulk-grid">
          {TEXT_FIELDS.map((field) => (
            <label key={field}>
              {t(`inventory.fields.${field}`)}
              <input name={field} maxLength={200} autoComplete="off" />
            </label>
          ))}
          <label>
            {t('inventory.fields.status')}
            <select name="status" defaultValue="">
              <option value="">{t('inventory.bulk.keep')}</option>
              {DEVICE_STATUS_OPTIONS.map((status) => (
                <option key={status} value={status}>
                  {t(`inventory.statuses.${status}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('inventory.fields.criticality')}
            <select name="criticality" defaultValue="">
              <option value="">{t('inventory.bulk.keep')}</option>
              {CRITICALITY_OPTIONS.map((criticality) => (
                <option key={criticality} value={criticality}>
                  {t(`criticality.${criticality}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('inventory.fields.tags')}
            <input name="tags" aria-describedby="bulk-tags-hint" autoComplete="off" />
            <span id="bulk-tags-hint" className="muted">
              {t('inventory.bulk.tagsHint')}
            </span>
          </label>
        </div>
        {empty && (
          <p role="alert" className="form-error">
            {t('inventory.bulk.nothing')}
          </p>
        )}
        <FormError error={apply.error} />
        <div className="actions">
          <button type="submit" disabled={apply.isPending} data-testid="bulk-apply">
            {t('inventory.bulk.apply')}
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            {t('inventory.bulk.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
