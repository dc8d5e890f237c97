import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { inventoryApi, inventoryKeys, useInventoryMutation, useSavedViews } from '../../api/inventory-queries';
import { FormError } from '../../components/form-error';

/**
 * Named queries of the device list: choosing one opens it, and the current query can be saved
 * under a name. `current` is the list's query string as the URL carries it.
 */
export function SavedViews({ current, onOpen }: { current: string; onOpen: (query: string) => void }) {
  const { t } = useTranslation();
  const views = useSavedViews();
  const [naming, setNaming] = useState(false);
  const save = useInventoryMutation(inventoryApi.saveView, inventoryKeys.views);
  const remove = useInventoryMutation(inventoryApi.deleteView, inventoryKeys.views);
  const list = views.data?.views ?? [];
  const active = list.find((view) => view.query === current);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '').trim();
    if (!name) return;
    save.mutate({ name, query: current }, { onSuccess: () => setNaming(false) });
  };

  return (
    <div className="saved-views" data-testid="saved-views">
      <label>
        <span>{t('inventory.views.label')}</span>
        <select
          value={active ? String(active.id) : ''}
          onChange={(event) => {
            const view = list.find((candidate) => String(candidate.id) === event.currentTarget.value);
            if (view) onOpen(view.query);
          }}
          data-testid="saved-view-select"
        >
          <option value="">{list.length === 0 ? t('inventory.views.none') : t('inventory.views.choose')}</option>
          {list.map((view) => (
            <option key={view.id} value={String(view.id)}>
              {view.shared ? t('inventory.views.sharedName', { name: view.name }) : view.name}
            </option>
          ))}
        </select>
      </label>
      {active && (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            if (window.confirm(t('inventory.views.deleteConfirm', { name: active.name }))) remove.mutate(active.id);
          }}
        >
          {t('inventory.views.delete', { name: active.name })}
        </button>
      )}
      {naming ? (
        <form onSubmit={submit} className="inline-form compact-form">
          <label>
            <span className="visually-hidden">{t('inventory.views.name')}</span>
            <input name="name" required maxLength={100} placeholder={t('inventory.views.name')} autoFocus />
          </label>
          <button type="submit" disabled={save.isPending}>
            {t('inventory.views.saveButton')}
          </button>
          <button type="button" onClick={() => setNaming(false)}>
            {t('inventory.views.cancel')}
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setNaming(true)} data-testid="save-view">
          {t('inventory.views.save')}
        </button>
      )}
      <FormError error={save.error ?? remove.error ?? views.error} />
    </div>
  );
}
