import type { Actor } from '../../core/auth/actor';
import { SUPPORT_BUCKETS, supportBounds, supportBucketOf, type DeviceFilter } from '../../core/inventory/device-filter';
import { countFilteredFacets, type FacetValueCounts } from '../../db/inventory/device-facet-query';
import { readFacetCounts } from '../../db/inventory/device-facets.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { InventoryDeps } from './inventory-deps';
import { isEmptyFilter } from './list-devices';

/** Facet name → its values with counts (most frequent first; support buckets in their own order). */
export type DeviceFacets = Record<
  'deviceClass' | 'manufacturer' | 'model' | 'firmwareVersion' | 'site' | 'status' | 'support',
  FacetValueCounts
>;

const byCount = (list: FacetValueCounts) =>
  list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));

const inBucketOrder = (counts: Map<string, number>): FacetValueCounts =>
  SUPPORT_BUCKETS.filter((bucket) => (counts.get(bucket) ?? 0) > 0).map((bucket) => ({
    value: bucket,
    count: counts.get(bucket)!,
  }));

/**
 * The facets of the organisation's devices. Unfiltered: read from the kept counts (support
 * buckets summed from the counted days relative to today). Filtered: counted over the matching
 * devices, each facet under all filters but its own.
 */
export async function getFacets(
  deps: InventoryDeps,
  input: { actor: Actor; filter: DeviceFilter },
): Promise<{ facets: DeviceFacets }> {
  const { organisationId } = requireOrganisation(input.actor);
  const db = deps.database.db;
  const bounds = supportBounds(deps.clock());
  if (isEmptyFilter(input.filter)) {
    const stored = await readFacetCounts(db, organisationId);
    const buckets = new Map<string, number>();
    for (const { value, count } of stored.supportUntil) {
      const bucket = supportBucketOf(value === '' ? null : value, bounds);
      buckets.set(bucket, (buckets.get(bucket) ?? 0) + count);
    }
    const { supportUntil: _days, ...rest } = stored;
    return { facets: { ...rest, support: inBucketOrder(buckets) } };
  }
  const counted = await countFilteredFacets(db, organisationId, input.filter, bounds);
  const { support, ...rest } = counted;
  const facets = Object.fromEntries(Object.entries(rest).map(([facet, list]) => [facet, byCount(list)]));
  return {
    facets: {
      ...(facets as Omit<DeviceFacets, 'support'>),
      support: inBucketOrder(new Map(support.map((entry) => [entry.value, entry.count]))),
    },
  };
}
