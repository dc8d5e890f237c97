import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Device, DeviceFields } from '../../core/inventory/device.types';
import type { Problem } from '../../contracts/problem.schema';
import { deviceQueryParams, filterParams, type DeviceFilter, type DeviceQuery, type FacetKey } from './device-query';
import { ApiError, getJson, sendForm, sendJson } from './api-client';

// Devices, facets, saved views, the life-cycle counts and imports over /api/inventory (the device
// HTTP API of issue 11; see /work BRIEF-INVENTORY "The device HTTP API").

const enc = encodeURIComponent;
const devicePath = (id: number | string) => `/api/inventory/devices/${enc(String(id))}`;

/** Rows per fetched page of the device table (the API allows 50–200). */
export const DEVICE_PAGE_SIZE = 100;

export interface DevicePage {
  readonly devices: readonly Device[];
  readonly next: string | null;
  readonly total?: number;
  /** More devices match than `total` (the server stops counting at 10,000 under a filter). */
  totalIsAtLeast?: boolean;
}
export interface FacetCount {
  readonly value: string;
  readonly count: number;
}
export type Facets = Readonly<Partial<Record<FacetKey, readonly FacetCount[]>>>;
export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}
export interface DeviceHistoryEntry {
  readonly at: string;
  readonly by: string | null;
  readonly action: string;
  readonly importId: string | null;
  readonly changes: readonly FieldChange[];
}
export interface SavedView {
  readonly id: string | number;
  readonly name: string;
  readonly query: string;
  /** Everyone's in the organisation (else the creator's own). */
  readonly shared?: boolean;
}
export interface LifecycleCounts {
  readonly supportEnded: number;
  readonly supportEnding3m: number;
  readonly supportEnding6m: number;
  readonly supportEnding12m: number;
  readonly firmwareOlderThan: number;
  readonly noOwner: number;
  readonly noLocation: number;
}
/** The fields bulk edit can set on every selected device. */
export interface BulkSet {
  site?: string;
  building?: string;
  floor?: string;
  room?: string;
  owner?: string;
  status?: string;
  networkZone?: string;
  criticality?: string;
  maintainer?: string;
  tags?: string[];
}
export type BulkSelection = { ids: number[] } | { filter: DeviceFilter };
export type DeviceChanges = Partial<{ -readonly [K in keyof DeviceFields]: DeviceFields[K] }>;

/** One located problem of an import file: row and column as the file numbers them, the value as written. */
export interface ImportProblem {
  readonly file?: string;
  readonly row?: number;
  readonly column?: number;
  readonly field?: string;
  readonly value?: string;
  readonly reason: string;
  readonly code?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}
export interface ImportResult {
  readonly importId: string | null;
  readonly dryRun: boolean;
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly skipped: number;
  /** With validOnly: the skipped rows' problems (a first part when there are very many). */
  readonly problems: readonly ImportProblem[];
  /** How many problems there are in all. */
  readonly problemCount?: number;
}

export const inventoryKeys = {
  all: ['inventory'] as const,
  devices: (query: string) => ['inventory', 'devices', query] as const,
  facets: (filter: string) => ['inventory', 'facets', filter] as const,
  device: (id: string) => ['inventory', 'device', id] as const,
  history: (id: string) => ['inventory', 'history', id] as const,
  views: ['inventory', 'views'] as const,
  lifecycle: (days: number) => ['inventory', 'lifecycle', days] as const,
};

/** The device list under a query, page by page along the keyset cursor. */
export function useDevicePages(query: DeviceQuery) {
  const text = deviceQueryParams(query).toString();
  return useInfiniteQuery({
    queryKey: inventoryKeys.devices(text),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams(text);
      params.set('limit', String(DEVICE_PAGE_SIZE));
      if (pageParam) params.set('after', pageParam);
      return getJson<DevicePage>(`/api/inventory/devices?${params.toString()}`, signal);
    },
    initialPageParam: '',
    getNextPageParam: (last) => last.next ?? undefined,
    placeholderData: (previous) => previous,
  });
}

/** Facet counts over the query's filters (sort does not matter). */
export function useFacets(query: DeviceQuery) {
  const text = filterParams(query).toString();
  return useQuery({
    queryKey: inventoryKeys.facets(text),
    queryFn: ({ signal }) => getJson<{ facets: Facets }>(`/api/inventory/facets?${text}`, signal),
    placeholderData: (previous) => previous,
  });
}

export function useDevice(id: string) {
  return useQuery({
    queryKey: inventoryKeys.device(id),
    queryFn: ({ signal }) => getJson<Device>(devicePath(id), signal),
  });
}

export function useDeviceHistory(id: string) {
  return useQuery({
    queryKey: inventoryKeys.history(id),
    queryFn: ({ signal }) => getJson<{ entries: DeviceHistoryEntry[] }>(`${devicePath(id)}/history`, signal),
  });
}

export function useSavedViews() {
  return useQuery({
    queryKey: inventoryKeys.views,
    queryFn: ({ signal }) => getJson<{ views: SavedView[] }>('/api/inventory/views', signal),
  });
}

export function useLifecycle(firmwareOlderThanDays: number) {
  return useQuery({
    queryKey: inventoryKeys.lifecycle(firmwareOlderThanDays),
    queryFn: ({ signal }) =>
      getJson<LifecycleCounts>(`/api/inventory/lifecycle?firmwareOlderThanDays=${firmwareOlderThanDays}`, signal),
    placeholderData: (previous) => previous,
  });
}

/** The device a 409 carries: what is stored now. */
export function conflictDevice(error: unknown): Device | undefined {
  if (!(error instanceof ApiError) || error.problem.status !== 409) return undefined;
  const current = (error.problem as Problem & { current?: Device }).current;
  return current && typeof current === 'object' && 'assetTag' in current ? current : undefined;
}

/** The located problems of a refused import (422 problem+json `details`, or `errors`). */
export function importProblems(error: unknown): readonly ImportProblem[] {
  if (!(error instanceof ApiError)) return [];
  const problem = error.problem as Problem & { details?: ImportProblem[]; problems?: ImportProblem[] };
  return problem.details ?? problem.problems ?? problem.errors ?? [];
}

export const inventoryApi = {
  updateDevice: (id: number, input: { version: number } & DeviceChanges) =>
    sendJson<Device>('PATCH', devicePath(id), input),
  deleteDevice: (id: number, version: number) => sendJson<unknown>('DELETE', `${devicePath(id)}?version=${version}`),
  bulkEdit: (input: { selection: BulkSelection; set: BulkSet }) =>
    sendJson<{ updated: number }>('POST', '/api/inventory/devices/bulk', input),
  saveView: (input: { name: string; query: string }) => sendJson<SavedView>('POST', '/api/inventory/views', input),
  deleteView: (id: SavedView['id']) => sendJson<unknown>('DELETE', `/api/inventory/views/${enc(String(id))}`),
  importFile: (file: File, options: { dryRun: boolean; validOnly: boolean }) => {
    const form = new FormData();
    form.append('file', file);
    const params = new URLSearchParams({ dryRun: String(options.dryRun) });
    if (options.validOnly) params.set('validOnly', 'true');
    return sendForm<ImportResult>(`/api/inventory/imports?${params.toString()}`, form);
  },
};

/**
 * A change to inventory data that refreshes only what it touched (`refresh`, default every
 * inventory query), not the whole app: the device list may hold many loaded pages.
 */
export function useInventoryMutation<TInput, TResult>(
  send: (input: TInput) => Promise<TResult>,
  refresh: readonly unknown[] = inventoryKeys.all,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...refresh] }),
  });
}
