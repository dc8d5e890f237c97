// The device list's query — search, sort, filters — as one value that lives in the page's URL,
// goes to the API as the same query string, and is what a saved view stores.

/** Facets shown with counts; each is also a repeatable list filter of the same name. */
export const FACET_KEYS = [
  'deviceClass',
  'manufacturer',
  'model',
  'firmwareVersion',
  'site',
  'status',
  'support',
] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

/** Columns the API can sort by (keyset pagination follows the sort). */
export const SORT_KEYS = [
  'assetTag',
  'name',
  'manufacturer',
  'model',
  'firmwareVersion',
  'site',
  'status',
  'supportUntil',
  'updatedAt',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

/** Support-status buckets the API understands for `support=`. */
export const SUPPORT_BUCKETS = ['ended', '3m', '6m', '12m', 'later', 'unknown'] as const;

export interface DeviceQuery {
  readonly q: string;
  readonly sort: SortKey;
  readonly dir: SortDirection;
  readonly filters: Readonly<Record<FacetKey, readonly string[]>>;
  readonly systemIds: readonly string[];
  readonly noOwner: boolean;
  readonly noLocation: boolean;
  readonly firmwareOlderThanDays: number | null;
}

const NO_FILTERS: Record<FacetKey, readonly string[]> = {
  deviceClass: [],
  manufacturer: [],
  model: [],
  firmwareVersion: [],
  site: [],
  status: [],
  support: [],
};

/** The unfiltered list, by asset tag. */
export const DEFAULT_QUERY: DeviceQuery = {
  q: '',
  sort: 'assetTag',
  dir: 'asc',
  filters: NO_FILTERS,
  systemIds: [],
  noOwner: false,
  noLocation: false,
  firmwareOlderThanDays: null,
};

const isSortKey = (value: string | null): value is SortKey => SORT_KEYS.includes(value as SortKey);

/** Reads a query from URL parameters; anything unknown or malformed falls back to the default. */
export function parseDeviceQuery(params: URLSearchParams): DeviceQuery {
  const sort = params.get('sort');
  const days = Number(params.get('firmwareOlderThanDays'));
  const filters = Object.fromEntries(
    FACET_KEYS.map((key) => [key, [...new Set(params.getAll(key).filter((value) => value !== ''))]]),
  ) as Record<FacetKey, string[]>;
  return {
    q: params.get('q')?.trim() ?? '',
    sort: isSortKey(sort) ? sort : DEFAULT_QUERY.sort,
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
    filters,
    systemIds: params.getAll('systemId').filter((value) => value !== ''),
    noOwner: params.get('noOwner') === 'true',
    noLocation: params.get('noLocation') === 'true',
    firmwareOlderThanDays: Number.isInteger(days) && days > 0 ? days : null,
  };
}

/**
 * The query as URL parameters, defaults left out so equal queries give equal strings (the URL,
 * the API call, the cache key and a saved view all use it).
 */
export function deviceQueryParams(query: DeviceQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.sort !== DEFAULT_QUERY.sort) params.set('sort', query.sort);
  if (query.dir !== DEFAULT_QUERY.dir) params.set('dir', query.dir);
  for (const key of FACET_KEYS) for (const value of query.filters[key]) params.append(key, value);
  for (const id of query.systemIds) params.append('systemId', id);
  if (query.noOwner) params.set('noOwner', 'true');
  if (query.noLocation) params.set('noLocation', 'true');
  if (query.firmwareOlderThanDays !== null) params.set('firmwareOlderThanDays', String(query.firmwareOlderThanDays));
  return params;
}

/** The query without sort: what narrows the set (facets are counted over it). */
export function filterParams(query: DeviceQuery): URLSearchParams {
  const params = deviceQueryParams(query);
  params.delete('sort');
  params.delete('dir');
  return params;
}

/** Adds the value to the facet's filter, or removes it when it is already there. */
export function toggleFilter(query: DeviceQuery, key: FacetKey, value: string): DeviceQuery {
  const current = query.filters[key];
  const next = current.includes(value) ? current.filter((item) => item !== value) : [...current, value];
  return { ...query, filters: { ...query.filters, [key]: next } };
}

/** Sorting by a column: a new column sorts ascending, the same column flips direction. */
export function sortBy(query: DeviceQuery, sort: SortKey): DeviceQuery {
  return { ...query, sort, dir: query.sort === sort && query.dir === 'asc' ? 'desc' : 'asc' };
}

/** Whether anything narrows the list (search or any filter). */
export function isFiltered(query: DeviceQuery): boolean {
  return filterParams(query).size > 0;
}

/** The list filters as the bulk-edit body's `selection.filter` (same names as the query string). */
export interface DeviceFilter {
  q?: string;
  deviceClass?: string[];
  manufacturer?: string[];
  model?: string[];
  firmwareVersion?: string[];
  site?: string[];
  status?: string[];
  support?: string[];
  systemId?: string[];
  noOwner?: boolean;
  noLocation?: boolean;
  firmwareOlderThanDays?: number;
}

/** The query's filters as a JSON object: only what is set, lists for repeatable filters. */
export function deviceFilter(query: DeviceQuery): DeviceFilter {
  const filter: DeviceFilter = {};
  if (query.q) filter.q = query.q;
  for (const key of FACET_KEYS) if (query.filters[key].length > 0) filter[key] = [...query.filters[key]];
  if (query.systemIds.length > 0) filter.systemId = [...query.systemIds];
  if (query.noOwner) filter.noOwner = true;
  if (query.noLocation) filter.noLocation = true;
  if (query.firmwareOlderThanDays !== null) filter.firmwareOlderThanDays = query.firmwareOlderThanDays;
  return filter;
}
