import { requireFramework } from '../../core/catalog/framework-tree';
import type { SearchField } from '../../core/catalog/search-catalog';
import { DomainError } from '../../core/domain-error';
import type { CatalogDeps } from './catalog-deps';
import type { NodeSummary } from './get-catalog-node';

export interface CatalogSearchResult extends NodeSummary {
  readonly frameworkId: string;
  /** Codes of the function and category above the node, e.g. ["ID", "ID.AM"]. */
  readonly path: readonly string[];
  readonly matchedIn: SearchField;
  readonly score: number;
}

export const MAX_QUERY_LENGTH = 200;

/**
 * Searches ids and texts in both languages, folding width, case and kana; results carry their
 * titles in both, so the caller picks the language it shows.
 */
export function searchCatalog(
  deps: CatalogDeps,
  options: { query: string; frameworkId?: string; limit?: number },
): CatalogSearchResult[] {
  const query = options.query.trim();
  if (query.length === 0 || query.length > MAX_QUERY_LENGTH) {
    throw new DomainError('VALIDATION_FAILED', `The search text must be 1–${MAX_QUERY_LENGTH} characters.`, [
      { field: 'q', reason: 'length' },
    ]);
  }
  if (options.frameworkId) requireFramework(deps.catalog, options.frameworkId);
  const hits = deps.searchIndex.search(query, {
    ...(options.frameworkId ? { frameworkId: options.frameworkId } : {}),
    limit: options.limit ?? 50,
  });
  return hits.map(({ node, matchedIn, score }) => {
    const path: string[] = [];
    for (let parentId = node.parentId; parentId;) {
      const parent = deps.catalog.nodes.get(parentId);
      if (!parent) break;
      path.unshift(parent.code);
      parentId = parent.parentId;
    }
    return {
      id: node.id,
      frameworkId: node.frameworkId,
      kind: node.kind,
      code: node.code,
      title: node.title,
      path,
      matchedIn,
      score,
    };
  });
}
