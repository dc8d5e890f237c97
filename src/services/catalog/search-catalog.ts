import { requireFramework } from '../../core/catalog/framework-tree';
import type { Language } from '../../core/catalog/catalog.types';
import type { SearchField } from '../../core/catalog/search-catalog';
import type { SearchSnippet } from '../../core/catalog/search-snippet';
import { DomainError } from '../../core/domain-error';
import type { CatalogDeps } from './catalog-deps';
import type { NodeSummary } from './get-catalog-node';

export interface CatalogSearchResult extends NodeSummary {
  readonly frameworkId: string;
  /** Codes of the function and category above the node, e.g. ["ID", "ID.AM"]. */
  readonly path: readonly string[];
  readonly matchedIn: SearchField;
  readonly score: number;
  readonly snippet?: SearchSnippet;
}

export const MAX_QUERY_LENGTH = 200;

/**
 * Searches ids, texts, verifiable-fact tags and linked codes in both languages, folding width,
 * case, kana, punctuation and zero padding; results carry their titles in both, so the caller
 * picks the language it shows, and a highlighted snippet in the language asked for.
 */
export function searchCatalog(
  deps: CatalogDeps,
  options: { query: string; frameworkId?: string; limit?: number; language?: Language },
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
    ...(options.language ? { language: options.language } : {}),
  });
  return hits.map(({ node, matchedIn, score, snippet }) => {
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
      ...(snippet ? { snippet } : {}),
    };
  });
}
