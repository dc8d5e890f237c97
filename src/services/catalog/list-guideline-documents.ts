import type { GuidelineDocument, LocalizedText } from '../../core/catalog/catalog.types';
import type { CatalogDeps } from './catalog-deps';

export interface GuidelineDocumentSummary extends GuidelineDocument {
  /** The catalog frameworks built from it, with their item counts. */
  readonly frameworkSummaries: readonly { readonly id: string; readonly title: LocalizedText; readonly items: number }[];
}

/** Every guideline document, newest first (then by id), with its frameworks' item counts. */
export function listGuidelineDocuments(deps: CatalogDeps): GuidelineDocumentSummary[] {
  const { catalog } = deps;
  const itemCounts = new Map<string, number>();
  for (const node of catalog.nodes.values()) if (node.kind === 'item') itemCounts.set(node.frameworkId, (itemCounts.get(node.frameworkId) ?? 0) + 1);
  return [...catalog.documents.values()]
    .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id))
    .map((document) => ({
      ...document,
      frameworkSummaries: document.frameworks.flatMap((id) => {
        const framework = catalog.frameworks.get(id);
        return framework ? [{ id, title: framework.title, items: itemCounts.get(id) ?? 0 }] : [];
      }),
    }));
}
