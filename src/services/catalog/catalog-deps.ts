import type { Catalog } from '../../core/catalog/catalog.types';
import { createSearchIndex, type SearchIndex } from '../../core/catalog/search-catalog';
import { BUILD_SNAPSHOT_FILE, loadCatalogWithSnapshot } from '../../integrations/catalog/catalog-snapshot';
import { DEFAULT_CATALOG_DIR } from '../../integrations/catalog/catalog-dir';

/** The loaded catalog and its search index: built once at start-up, read-only afterwards. */
export interface CatalogDeps {
  readonly catalog: Catalog;
  readonly searchIndex: SearchIndex;
}

/** The search index is built on first use, so commands that never search do not pay for it. */
export function createCatalogDeps(catalog: Catalog): CatalogDeps {
  let searchIndex: SearchIndex | undefined;
  return {
    catalog,
    get searchIndex() {
      searchIndex ??= createSearchIndex(catalog);
      return searchIndex;
    },
  };
}

/**
 * Loads the catalog YAML (the shipped catalog/ when `dir` is undefined), validated; a compiled
 * build reads it from its snapshot while the files are unchanged (see catalog-snapshot.ts).
 */
export async function loadCatalogDeps(dir: string | undefined): Promise<CatalogDeps> {
  return createCatalogDeps(await loadCatalogWithSnapshot(dir ?? DEFAULT_CATALOG_DIR, BUILD_SNAPSHOT_FILE));
}
