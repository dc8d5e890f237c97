import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSystems } from '../../api/assessment-queries';
import {
  DEFAULT_QUERY,
  FACET_KEYS,
  deviceQueryParams,
  isFiltered,
  parseDeviceQuery,
  sortBy,
  toggleFilter,
  type DeviceQuery,
} from '../../api/device-query';
import { useDevicePages, useFacets, type Facets } from '../../api/inventory-queries';
import { usePermissions } from '../../api/permissions';
import { FormError } from '../../components/form-error';
import { usePageTitle } from '../../components/use-page-title';
import { BulkEditDialog } from './bulk-edit-dialog';
import { DeviceTable } from './device-table';
import { FacetPanel } from './facet-panel';
import { SavedViews } from './saved-views';
import { NOTHING_SELECTED, bulkSelection, selectedCount, toggleSelected, type Selection } from './selection';

/**
 * How many devices match: the list's own total when the API gives one, else the sum of a facet
 * that the query does not filter (every device falls in exactly one of its values).
 */
function matchingTotal(total: number | undefined, facets: Facets | undefined, query: DeviceQuery): number | undefined {
  if (total !== undefined) return total;
  const open = FACET_KEYS.find((key) => query.filters[key].length === 0 && facets?.[key]);
  return open ? facets?.[open]?.reduce((sum, facet) => sum + facet.count, 0) : undefined;
}

/** The device table over the whole inventory: search, facets, sort, saved views, selection and bulk edit. */
export function InventoryPage() {
  const { t } = useTranslation();
  usePageTitle(t('inventory.title'));
  const permissions = usePermissions();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseDeviceQuery(params), [params]);
  const queryText = deviceQueryParams(query).toString();
  const pages = useDevicePages(query);
  const facets = useFacets(query);
  const systems = useSystems();
  // A selection belongs to the query it was made under: another query is another set of devices.
  const [selected, setSelected] = useState<{ query: string; selection: Selection }>();
  const [bulkOpen, setBulkOpen] = useState(false);
  const [notice, setNotice] = useState<string>();

  const selection = selected?.query === queryText ? selected.selection : NOTHING_SELECTED;
  const setSelection = (next: Selection) => setSelected({ query: queryText, selection: next });

  const open = (next: DeviceQuery) => setParams(deviceQueryParams(next));
  const { fetchNextPage } = pages;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const devices = useMemo(() => pages.data?.pages.flatMap((page) => page.devices) ?? [], [pages.data]);
  const total = matchingTotal(pages.data?.pages[0]?.total, facets.data?.facets, query);
  // Under a broad filter the server stops counting at 10,000 and says so: shown as "10,000+".
  const totalText =
    total === undefined ? '' : `${total.toLocaleString()}${pages.data?.pages[0]?.totalIsAtLeast ? '+' : ''}`;
  const canManage = permissions.can('inventory.manage');
  const count = selectedCount(selection, total);

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    open({ ...query, q: String(new FormData(event.currentTarget).get('q') ?? '').trim() });
  };
  const systemName = (id: string) => systems.data?.systems.find((system) => system.id === id)?.name ?? id;
  const chips: { label: string; remove: DeviceQuery }[] = [
    ...(query.noOwner ? [{ label: t('inventory.extraFilters.noOwner'), remove: { ...query, noOwner: false } }] : []),
    ...(query.noLocation
      ? [{ label: t('inventory.extraFilters.noLocation'), remove: { ...query, noLocation: false } }]
      : []),
    ...(query.firmwareOlderThanDays !== null
      ? [
          {
            label: t('inventory.extraFilters.firmwareOlderThanDays', { days: query.firmwareOlderThanDays }),
            remove: { ...query, firmwareOlderThanDays: null },
          },
        ]
      : []),
    ...query.systemIds.map((id) => ({
      label: t('inventory.extraFilters.systemId', { name: systemName(id) }),
      remove: { ...query, systemIds: query.systemIds.filter((other) => other !== id) },
    })),
  ];

  if (permissions.isLoading) return null;
  if (!permissions.can('inventory.read')) return <p role="alert">{t('errors.FORBIDDEN')}</p>;

  return (
    <div className="inventory-page">
      <div className="page-header">
        <h1>{t('inventory.title')}</h1>
        <div className="actions">
          {permissions.can('probes.read') && (
            <Link to="/inventory/probes" className="button-link" data-testid="open-probes">
              {t('probes.openFromInventory')}
            </Link>
          )}
          <Link to="/inventory/providers" className="button-link" data-testid="open-providers">
            {t('providers.title')}
          </Link>
          <Link to="/inventory/lifecycle" className="button-link" data-testid="open-lifecycle">
            {t('inventory.lifecycle')}
          </Link>
          {permissions.can('inventory.import') && (
            <Link to="/inventory/import" className="button-link" data-testid="open-import">
              {t('inventory.import')}
            </Link>
          )}
        </div>
      </div>
      <p className="muted">{t('inventory.lead')}</p>
      <div className="inventory-toolbar">
        <form role="search" onSubmit={search} className="search-row" key={query.q}>
          <input
            type="search"
            name="q"
            defaultValue={query.q}
            aria-label={t('inventory.searchLabel')}
            placeholder={t('inventory.searchPlaceholder')}
            className="inventory-search"
          />
          <button type="submit">{t('inventory.search')}</button>
        </form>
        <SavedViews current={queryText} onOpen={(text) => setParams(new URLSearchParams(text))} />
      </div>
      <div className="inventory-layout">
        <FacetPanel
          facets={facets.data?.facets}
          query={query}
          onToggle={(key, value) => open(toggleFilter(query, key, value))}
        />
        <section className="inventory-results" aria-live="polite">
          <div className="result-bar">
            <span data-testid="matching-count">
              {total !== undefined
                ? t('inventory.matching', { count: totalText })
                : t('inventory.loaded', { count: devices.length.toLocaleString() })}
            </span>
            {chips.map((chip) => (
              <button
                key={chip.label}
                type="button"
                className="filter-chip"
                onClick={() => open(chip.remove)}
                aria-label={t('inventory.extraFilters.remove', { label: chip.label })}
              >
                {chip.label} ×
              </button>
            ))}
            {isFiltered(query) && (
              <button
                type="button"
                className="link-button"
                onClick={() => open({ ...DEFAULT_QUERY, sort: query.sort, dir: query.dir })}
              >
                {t('inventory.clearAll')}
              </button>
            )}
          </div>
          {canManage && (selection.kind === 'all' || selection.ids.size > 0) && (
            <div className="selection-bar" data-testid="selection-bar">
              <span data-testid="selection-count">
                {selection.kind === 'all'
                  ? total !== undefined
                    ? t('inventory.selectedAll', { count: totalText })
                    : t('inventory.selectedAllUnknown')
                  : t('inventory.selected', { count: selection.ids.size })}
              </span>
              {selection.kind === 'ids' && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setSelection({ kind: 'all' })}
                  data-testid="select-all-matching"
                >
                  {total !== undefined
                    ? t('inventory.selectAllMatching', { count: totalText })
                    : t('inventory.selectAllMatchingUnknown')}
                </button>
              )}
              <button type="button" className="link-button" onClick={() => setSelection(NOTHING_SELECTED)}>
                {t('inventory.clearSelection')}
              </button>
              <button type="button" className="primary" onClick={() => setBulkOpen(true)} data-testid="open-bulk-edit">
                {t('inventory.bulkEdit')}
              </button>
            </div>
          )}
          {notice && (
            <p role="status" className="notice notice-text" data-testid="inventory-notice">
              {notice}
            </p>
          )}
          <FormError error={pages.error ?? facets.error} />
          {pages.isSuccess && devices.length === 0 ? (
            <p data-testid="inventory-empty">
              {isFiltered(query) ? t('inventory.empty') : t('inventory.emptyInventory')}
            </p>
          ) : (
            <DeviceTable
              devices={devices}
              query={query}
              hasNext={pages.hasNextPage}
              isFetchingNext={pages.isFetchingNextPage}
              onNeedMore={loadMore}
              onSort={(sort) => open(sortBy(query, sort))}
              selectable={canManage}
              selection={selection}
              onToggle={(id) => setSelection(toggleSelected(selection, id))}
              onToggleLoaded={(checked) =>
                setSelection(
                  checked ? { kind: 'ids', ids: new Set(devices.map((device) => device.id)) } : NOTHING_SELECTED,
                )
              }
            />
          )}
        </section>
      </div>
      {bulkOpen && (
        <BulkEditDialog
          selection={bulkSelection(selection, query)}
          count={count}
          onClose={() => setBulkOpen(false)}
          onDone={(updated) => {
            setBulkOpen(false);
            setSelection(NOTHING_SELECTED);
            setNotice(t('inventory.bulk.done', { count: updated }));
          }}
        />
      )}
    </div>
  );
}
