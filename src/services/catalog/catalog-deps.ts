import type { Catalog } from '../../core/catalog/catalog.types';
import { createSearchIndex, type SearchIndex } from '../../core/catalog/search-catalog';

/** The loaded catalog and its search index: built once at start-up, read-only afterwards. */
export interface CatalogDeps {
  readonly catalog: Catalog;
  readonly searchIndex: SearchIndex;
}

export function createCatalogDeps(catalog: Catalog): CatalogDeps {
  return { catalog, searchIndex: createSearchIndex(catalog) };
}
