import type { Catalog } from '../../core/catalog/catalog.types';
import { createSearchIndex, type SearchIndex } from '../../core/catalog/search-catalog';
import { loadCatalog } from '../../integrations/catalog/load-catalog';

/** The loaded catalog and its search index: built once at start-up, read-only afterwards. */
export interface CatalogDeps {
  readonly catalog: Catalog;
  readonly searchIndex: SearchIndex;
}

export function createCatalogDeps(catalog: Catalog): CatalogDeps {
  return { catalog, searchIndex: createSearchIndex(catalog) };
}

/** Loads and validates catalog YAML (the shipped catalog/ when `dir` is undefined) and indexes it. */
export function loadCatalogDeps(dir: string | undefined): CatalogDeps {
  return createCatalogDeps(loadCatalog(dir));
}
