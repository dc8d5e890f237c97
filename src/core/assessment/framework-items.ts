import type { Catalog, CatalogNode } from '../catalog/catalog.types';
import { requireFramework } from '../catalog/framework-tree';
import type { ScoredItem } from './scoring';

/** One answerable item of a framework (a checksheet item, or a CSF subcategory) in sheet order. */
export interface FrameworkItem extends ScoredItem {
  /** The item's own code: `25` for `jssec-v2:25`. */
  readonly code: string;
  /** Ids of its check points (`jssec-v2:25.1` …); empty when the item has none. */
  readonly checkIds: readonly string[];
}

const ANSWERABLE_KINDS: ReadonlySet<CatalogNode['kind']> = new Set(['item', 'subcategory']);

/**
 * Every answerable item of a framework, in sheet order, with its function and category codes.
 * Every subcategory counts, also one CSF 2.0 later superseded (that is lineage, not withdrawal
 * from its own framework). Throws FRAMEWORK_NOT_FOUND.
 */
export function listFrameworkItems(catalog: Catalog, frameworkId: string): FrameworkItem[] {
  const framework = requireFramework(catalog, frameworkId);
  const node = (id: string): CatalogNode | undefined => catalog.nodes.get(id);
  const items: FrameworkItem[] = [];
  for (const fn of framework.functionIds.map(node)) {
    if (!fn) continue;
    for (const category of fn.childIds.map(node)) {
      if (!category) continue;
      for (const item of category.childIds.map(node)) {
        if (!item || !ANSWERABLE_KINDS.has(item.kind)) continue;
        const checkIds = item.childIds.filter((id) => node(id)?.kind === 'check');
        items.push({ itemId: item.id, code: item.code, functionCode: fn.code, categoryCode: category.code, checkIds });
      }
    }
  }
  return items;
}

/**
 * Finds an item by its id (`jssec-v2:25`) or its code alone (`25`, also `025`), the way people
 * write item numbers in files and on the command line. Undefined when no item matches.
 */
export function resolveItemReference(
  items: readonly FrameworkItem[],
  frameworkId: string,
  reference: string,
): FrameworkItem | undefined {
  const trimmed = reference.trim();
  const code = trimmed.startsWith(`${frameworkId}:`) ? trimmed.slice(frameworkId.length + 1) : trimmed;
  const canonical = /^\d+$/.test(code) ? String(Number(code)) : code;
  return items.find((item) => item.code === canonical || item.code === code);
}

/**
 * Finds a check point of an item by id (`jssec-v2:25.1`) or code (`25.1`). Undefined when the
 * check does not belong to this item.
 */
export function resolveCheckReference(item: FrameworkItem, frameworkId: string, reference: string): string | undefined {
  const trimmed = reference.trim();
  const id = trimmed.startsWith(`${frameworkId}:`) ? trimmed : `${frameworkId}:${trimmed}`;
  return item.checkIds.includes(id) ? id : undefined;
}
