import type { BulkSelection } from '../../api/inventory-queries';
import { deviceFilter, type DeviceQuery } from '../../api/device-query';

/** What the table has selected: chosen rows, or every device that matches the current filters. */
export type Selection = { readonly kind: 'ids'; readonly ids: ReadonlySet<number> } | { readonly kind: 'all' };

export const NOTHING_SELECTED: Selection = { kind: 'ids', ids: new Set() };

export function isSelected(selection: Selection, id: number): boolean {
  return selection.kind === 'all' || selection.ids.has(id);
}

/** Adds or removes one row (only while rows are chosen one by one). */
export function toggleSelected(selection: Selection, id: number): Selection {
  if (selection.kind === 'all') return selection;
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { kind: 'ids', ids };
}

/** How many devices a selection holds, when known. */
export function selectedCount(selection: Selection, total: number | undefined): number | undefined {
  return selection.kind === 'all' ? total : selection.ids.size;
}

/** The selection as the bulk-edit body names it: ids, or the list filters of the query. */
export function bulkSelection(selection: Selection, query: DeviceQuery): BulkSelection {
  return selection.kind === 'all' ? { filter: deviceFilter(query) } : { ids: [...selection.ids] };
}
